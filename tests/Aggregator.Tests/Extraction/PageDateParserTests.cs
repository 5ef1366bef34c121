using Aggregator.Extraction;

namespace Aggregator.Tests.Extraction;

public sealed class PageDateParserTests
{
    [Theory]
    [InlineData("2025年4月23日", 2025, 4, 23, 0, 0, 8)]
    [InlineData("2025年04月23日 13:11", 2025, 4, 23, 13, 11, 8)]
    [InlineData("2025-04-23 13:11", 2025, 4, 23, 13, 11, 8)]
    [InlineData("于 2025-04-23 13:11 发布", 2025, 4, 23, 13, 11, 8)]
    [InlineData("2025/4/23", 2025, 4, 23, 0, 0, 8)]
    [InlineData("2025.04.23", 2025, 4, 23, 0, 0, 8)]
    [InlineData("2025-04-23T13:11:00Z", 2025, 4, 23, 13, 11, 0)]
    [InlineData("2025-04-23T13:11:00+02:00", 2025, 4, 23, 13, 11, 2)]
    [InlineData("2025-04-23T13:11:00.123-0500", 2025, 4, 23, 13, 11, -5)]
    [InlineData("Wed, 23 Apr 2025 13:11:00 GMT", 2025, 4, 23, 13, 11, 0)]
    [InlineData("April 23, 2025", 2025, 4, 23, 0, 0, 8)]
    public void Parse_CommonForms_ReadWithTheirZoneOrChinaTime(string text, int year, int month, int day, int hour, int minute, int offsetHours)
    {
        var expected = new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(offsetHours));

        var parsed = PageDateParser.Parse(text);

        Assert.Equal(expected, parsed);
        Assert.Equal(expected.Offset, parsed!.Value.Offset);
    }

    [Fact]
    public void Parse_UnixSeconds_ReadAsUtcInstant()
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1755754620), PageDateParser.Parse("1755754620"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("昨天")]
    [InlineData("2025-13-45")]
    [InlineData("not a date")]
    public void Parse_Unreadable_ReturnsNull(string? text)
    {
        Assert.Null(PageDateParser.Parse(text));
    }
}
