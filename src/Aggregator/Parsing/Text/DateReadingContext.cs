namespace Aggregator.Parsing.Text;

/// <summary>
/// What a feed tells us about its dates beyond the date strings: whether it is Chinese. In a Chinese feed, zone-less
/// "yyyy-MM-dd HH:mm" stamps are Beijing time (+08:00) and "CST" is China Standard Time; elsewhere zone-less stamps are
/// UTC and "CST" is US Central (-06:00), both as feedparser reads them.
/// </summary>
internal sealed class DateReadingContext
{
    public bool IsChinese { get; private set; }

    public void NoteLanguage(string? language)
    {
        if (language is not null && language.TrimStart().StartsWith("zh", StringComparison.OrdinalIgnoreCase))
        {
            IsChinese = true;
        }
    }

    public void NoteText(string? text)
    {
        if (!IsChinese && text is not null && text.AsSpan().ContainsAnyInRange('\u4E00', '\u9FFF'))
        {
            IsChinese = true;
        }
    }

    public DateTimeOffset? Parse(string? value) => FeedDateParser.Parse(value, IsChinese);
}
