namespace Aggregator.Parsing.Encodings;

/// <summary>
/// Text decoded from bytes, the encoding used (lower-case name as feedparser reports it, e.g. "gb18030", "big5",
/// "utf-8") and what was doubtful on the way (declared charset wrong, charset guessed, …).
/// </summary>
public sealed record DecodedText(string Text, string EncodingName, IReadOnlyList<string> Warnings);
