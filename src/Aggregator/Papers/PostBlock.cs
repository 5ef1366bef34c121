namespace Aggregator.Papers;

internal enum PostBlockKind
{
    Paragraph,
    Heading,
    ListItem,
}

/// <summary>
/// A link inside a block: its absolute (not yet unwrapped) target, the text it is written on, and where that text starts
/// in the block's text (approximate after markdown rewriting; 0 when unknown).
/// </summary>
internal readonly record struct PostLink(string Url, string Text, int Position = 0);

/// <summary>
/// One line-level unit of a post (a heading, a paragraph line, a list item): the unit paper identification reasons
/// about. <paramref name="Level"/> is the heading level (1–6); <paramref name="Emphasised"/> marks a paragraph written
/// wholly in bold, which blogs use as a heading.
/// </summary>
internal sealed record PostBlock(
    PostBlockKind Kind,
    int Level,
    string Text,
    IReadOnlyList<PostLink> Links,
    bool Numbered,
    bool Emphasised)
{
    public bool IsHeadingLike => Kind == PostBlockKind.Heading || Emphasised;

    /// <summary>Heading level for section ends; bold paragraphs rank below every real heading.</summary>
    public int HeadingRank => Kind == PostBlockKind.Heading ? Level : 7;
}
