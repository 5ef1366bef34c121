using Aggregator.Summaries;

namespace Aggregator.Tests.Summaries;

public sealed class SummaryLengthTests
{
    [Fact]
    public void Measure_ChineseCountsCharactersEnglishCountsWords()
    {
        Assert.Equal(15, SummaryLength.Measure("模型 优于 Transformer", "zh"));
        Assert.Equal(4, SummaryLength.Measure("Flash STU beats Transformer.", "en"));
    }

    [Fact]
    public void Cut_LongChineseSentence_AtLastClauseBoundaryWithEllipsis()
    {
        var text = SummaryLength.Cut("第一部分说明了问题，第二部分给出了方法，第三部分是实验结果和讨论。", "zh", 20);

        Assert.Equal("第一部分说明了问题，第二部分给出了方法…", text);
        Assert.InRange(SummaryLength.Measure(text, "zh"), 1, 20);
    }

    [Fact]
    public void Cut_NoClauseBoundary_AtTheCap()
    {
        var text = SummaryLength.Cut(new string('模', 30), "zh", 10);

        Assert.Equal(new string('模', 9) + "…", text);
    }

    [Fact]
    public void Cut_LongEnglishSentence_AtClauseBoundaryWithinTheWordCap()
    {
        var text = SummaryLength.Cut("We propose a hybrid model, which interleaves spectral layers with attention and scales to billions of parameters.", "en", 10);

        Assert.Equal("We propose a hybrid model…", text);
    }

    [Fact]
    public void LeadingSentences_StopsBeforeTheSentenceThatWouldExceed()
    {
        var text = SummaryLength.LeadingSentences(["One two three.", "Four five six.", "Seven eight nine."], "en", new SummaryOptions { MaxEnglishWords = 7 });

        Assert.Equal("One two three. Four five six.", text);
    }
}
