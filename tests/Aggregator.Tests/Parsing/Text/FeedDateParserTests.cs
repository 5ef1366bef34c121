using System.Globalization;
using Aggregator.Parsing.Text;

namespace Aggregator.Tests.Parsing.Text;

public sealed class FeedDateParserTests
{
    [Theory]
    [InlineData("Sat, 07 Sep 2002 00:00:01 GMT", "2002-09-07T00:00:01+00:00")]
    [InlineData("Thu, 01 Jan 04 19:48:21 GMT", "2004-01-01T19:48:21+00:00")]
    [InlineData("Sun, 7 Sep 2002 00:00 +0800", "2002-09-07T00:00:00+08:00")]
    [InlineData("Mon, 07 Sep 2002 10:00:00 EST", "2002-09-07T10:00:00-05:00")]
    [InlineData("Wed, 23 Apr 2025 13:11:17 GMT+8", "2025-04-23T13:11:17+08:00")]
    [InlineData("Wed, 23 Apr 2025 13:11:17 GMT+08:00", "2025-04-23T13:11:17+08:00")]
    [InlineData("Wed, 23 Apr 2025 13:11:17 CST", "2025-04-23T13:11:17-06:00")]
    [InlineData("23 Apr 2025 13:11:17 +08:00", "2025-04-23T13:11:17+08:00")]
    [InlineData("Wed Apr 23 13:11:17 +0800 2025", "2025-04-23T13:11:17+08:00")]
    [InlineData("2003-12-31T10:14:55Z", "2003-12-31T10:14:55+00:00")]
    [InlineData("2003-12-31T10:14:55.123-08:00", "2003-12-31T10:14:55.123-08:00")]
    [InlineData("2003-12-31T10:14", "2003-12-31T10:14:00+00:00")]
    [InlineData("2003-12-31", "2003-12-31T00:00:00+00:00")]
    [InlineData("20031231T101455Z", "2003-12-31T10:14:55+00:00")]
    [InlineData("2025-04-23 13:11:17", "2025-04-23T13:11:17+00:00")]
    [InlineData("2025/04/23 13:11", "2025-04-23T13:11:00+08:00")]
    [InlineData("2025年4月23日", "2025-04-23T00:00:00+08:00")]
    [InlineData("2025年4月23日 13:11", "2025-04-23T13:11:00+08:00")]
    public void Parse_CommonFeedForms_GiveTheInstant(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), FeedDateParser.Parse(text));
    }

    [Theory]
    [InlineData("2025-04-23 13:11:17", "2025-04-23T13:11:17+08:00")]
    [InlineData("Wed, 23 Apr 2025 13:11:17 CST", "2025-04-23T13:11:17+08:00")]
    public void Parse_InChineseFeed_ZonelessAndCstMeanBeijingTime(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), FeedDateParser.Parse(text, chineseFeed: true));
    }

    [Fact]
    public void Parse_WrongDayName_IsIgnored()
    {
        Assert.Equal(new DateTimeOffset(2025, 4, 23, 0, 0, 0, TimeSpan.Zero), FeedDateParser.Parse("Fri, 23 Apr 2025 00:00:00 GMT"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2025-13-45T99:99:99Z")]
    [InlineData("Wed, 31 Feb 2025 10:00:00 GMT")]
    public void Parse_Unparseable_IsNull(string? text)
    {
        Assert.Null(FeedDateParser.Parse(text));
    }
}
