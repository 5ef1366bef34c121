namespace Aggregator.Testing.Extraction;

/// <summary>How much of a page's labelled article text survived extraction and how much labelled junk leaked.</summary>
public sealed record ExtractionScore(
    int Kept, int KeepTotal, int Leaked, int JunkTotal, IReadOnlyList<string> Missing, IReadOnlyList<string> LeakedLines)
{
    public double KeptShare => KeepTotal == 0 ? 1 : (double)Kept / KeepTotal;

    public double LeakedShare => JunkTotal == 0 ? 0 : (double)Leaked / JunkTotal;

    public static ExtractionScore Sum(IEnumerable<ExtractionScore> scores)
    {
        var all = scores.ToList();
        return new ExtractionScore(
            all.Sum(s => s.Kept), all.Sum(s => s.KeepTotal), all.Sum(s => s.Leaked), all.Sum(s => s.JunkTotal),
            [.. all.SelectMany(s => s.Missing)], [.. all.SelectMany(s => s.LeakedLines)]);
    }

    public override string ToString() =>
        $"kept {Kept}/{KeepTotal} ({KeptShare:P1}), leaked {Leaked}/{JunkTotal} ({LeakedShare:P1})";
}
