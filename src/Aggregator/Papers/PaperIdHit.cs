namespace Aggregator.Papers;

/// <summary>
/// One paper id found in a post. Hits read from the same link share a <paramref name="Link"/> (an ACL DOI yields both a
/// DOI and an ACL id); <paramref name="Link"/> is the unwrapped URL, or null for an id written as text.
/// [<paramref name="Position"/>, <paramref name="End"/>) is where the link text or the id is written in the block's text.
/// </summary>
internal sealed record PaperIdHit(
    PaperKeyKind Kind, string Value, int? Version, string? Link, string? LinkText, int BlockIndex, int Position = 0, int End = 0);
