namespace Aggregator.Testing.Metadata;

/// <summary>A submission the fake OpenReview knows.</summary>
public sealed record FakeOpenReviewNote(
    string Id,
    string Title,
    IReadOnlyList<string> Authors,
    string Abstract = "We study preference optimisation.",
    string Venue = "ICLR 2025 Conference Submission",
    long CreatedMillis = 1_727_000_000_000);
