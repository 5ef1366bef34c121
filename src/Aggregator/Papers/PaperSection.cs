namespace Aggregator.Papers;

/// <summary>
/// The blocks [<paramref name="Start"/>, <paramref name="End"/>) of a post about one paper, introduced by the block
/// that gave its <paramref name="Title"/>.
/// </summary>
internal sealed record PaperSection(string Title, int Start, int End);
