namespace Aggregator.Publishing;

/// <summary>A tag on an entry: a source (term = source id, label = its name) or a paper id ("arxiv:2406.05946").</summary>
/// <param name="Scheme">The taxonomy ("source", "paper"); RSS's domain and Atom's scheme.</param>
internal sealed record FeedCategory(string Term, string? Label, string Scheme)
{
    public string Display => Label ?? Term;
}
