using Aggregator.Publishing;

namespace Aggregator.Tests.Publishing;

public sealed class XmlCharactersTests
{
    [Theory]
    [InlineData("plain 中文 🚀 & < ]]>", "plain 中文 🚀 & < ]]>")]
    [InlineData("a\u0000b\u0008c\u001Fd", "abcd")]
    [InlineData("tab\tnl\ncr\r", "tab\tnl\ncr\r")]
    [InlineData("non-characters \uFFFE\uFFFF gone", "non-characters  gone")]
    public void Clean_RemovesOnlyWhatXml10Forbids(string input, string expected)
    {
        Assert.Equal(expected, XmlCharacters.Clean(input));
    }

    [Fact]
    public void Clean_LoneSurrogates_AreRemovedAndPairsKept()
    {
        // Built in code: attribute arguments are stored as UTF-8, which cannot carry a lone surrogate.
        var high = new string('\uD83D', 1);
        var low = new string('\uDE80', 1);

        Assert.Equal("a  b", XmlCharacters.Clean("a " + high + " b"));
        Assert.Equal("a  b", XmlCharacters.Clean("a " + low + " b"));
        Assert.Equal("a  b", XmlCharacters.Clean("a " + low + high + " b"));
        Assert.Equal("a " + high + low + " b", XmlCharacters.Clean("a " + high + low + " b"));
        Assert.Equal("end", XmlCharacters.Clean("end" + high));
    }
}
