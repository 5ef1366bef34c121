namespace Aggregator.Summaries;

/// <summary>How long a summary may be, per language; every summariser caps to these.</summary>
public sealed class SummaryOptions
{
    /// <summary>Cap for Chinese summaries, in characters (whitespace not counted).</summary>
    public int MaxChineseChars { get; set; } = 160;

    /// <summary>Cap for English summaries, in words.</summary>
    public int MaxEnglishWords { get; set; } = 60;
}
