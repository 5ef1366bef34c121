using Aggregator.Storage;

namespace Aggregator.Tests.Storage.Tables;

internal static class PaperSamples
{
    /// <summary>Step-DPO (arXiv 2406.18629) under the given id, first seen at <paramref name="firstSeen"/>.</summary>
    public static Paper StepDpo(string id, DateTimeOffset firstSeen, params PaperCoverage[] coverage) => new()
    {
        Id = id,
        Title = "Step-DPO: Step-wise Preference Optimization for Long-chain Reasoning of LLMs",
        ArxivId = "2406.18629",
        FirstSeen = firstSeen,
        LastSeen = firstSeen,
        Updated = firstSeen,
        Coverage = coverage,
    };
}
