using Aggregator.Summaries;
using Aggregator.Testing.Summaries;

namespace Aggregator.Tests.Summaries;

public sealed class ExtractiveSummarizerTests
{
    private static readonly IReadOnlyList<ReferenceSummary> Fixtures =
        ReferenceSummaries.LoadFixtures(Path.Combine(AppContext.BaseDirectory, "Summaries", "testdata"));

    private readonly ExtractiveSummarizer summarizer = new();

    public static TheoryData<string> FixtureNames() => [.. Fixtures.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public async Task SummarizeAsync_Fixture_WholeSentencesOfTheTextWithinTheCap(string name)
    {
        var fixture = Fixtures.Single(f => f.Name == name);

        var summary = await summarizer.SummarizeAsync(new SummaryRequest(fixture.Title, fixture.Text));

        Assert.Equal("extractive", summary.Summarizer);
        Assert.NotEmpty(summary.Text);
        Assert.False(summary.RetryLater);
        var cap = summary.Language == "zh" ? 160 : 60;
        Assert.InRange(SummaryLength.Measure(summary.Text, summary.Language), 1, cap);
        foreach (var sentence in SentenceSplitter.Split(summary.Text))
        {
            Assert.Contains(sentence, fixture.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Summarize_SentencesComeInTheirOriginalOrder()
    {
        var fixture = Fixtures.Single(f => f.Name == "blog-dpo");

        var sentences = SentenceSplitter.Split(summarizer.Summarize(fixture.Title, fixture.Text).Text);

        var positions = sentences.Select(s => fixture.Text.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.True(sentences.Count >= 2, "expected a multi-sentence summary");
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Summarize_WeChatBoilerplate_NeverChosen()
    {
        var fixture = Fixtures.Single(f => f.Name == "wechat-icl");

        var text = summarizer.Summarize(fixture.Title, fixture.Text).Text;

        Assert.DoesNotContain("阅读原文", text, StringComparison.Ordinal);
        Assert.DoesNotContain("扫码关注", text, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", text, StringComparison.Ordinal);
        Assert.Equal("zh", LanguageDetector.Detect(text));
    }

    [Fact]
    public void Summarize_ChineseDigestWithEnglishAbstract_SummaryStaysChinese()
    {
        const string text = """
            Large language models are finetuned to refuse questions about hazardous knowledge. These protections can be bypassed by careful jailbreaks.
            大型语言模型经过微调拒绝涉及危险知识的问题,但这些保护往往可以被绕过。我们证明,之前被认为无效的越狱方法在谨慎应用时可以成功。我们还开发了多种自适应方法,恢复了大多数所谓已遗忘的能力。
            """;

        var summary = summarizer.Summarize("遗忘与安全", text, "zh");

        Assert.Equal("zh", summary.Language);
        Assert.DoesNotContain("finetuned", summary.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Summarize_TopSentenceLongerThanTheCap_FirstSentenceCutAtAClauseWithEllipsis()
    {
        var longSentence = string.Concat(Enumerable.Repeat("模型在长序列建模任务上表现稳定，", 12)) + "结论成立。";
        var small = new ExtractiveSummarizer(new SummaryOptions { MaxChineseChars = 50 });

        var text = small.Summarize("长序列建模", longSentence + longSentence).Text;

        Assert.EndsWith("…", text, StringComparison.Ordinal);
        Assert.InRange(SummaryLength.Measure(text, "zh"), 10, 50);
        Assert.EndsWith("稳定…", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Summarize_EnglishCap_CountsWords()
    {
        var fixture = Fixtures.Single(f => f.Name == "blog-dpo");
        var small = new ExtractiveSummarizer(new SummaryOptions { MaxEnglishWords = 30 });

        var text = small.Summarize(fixture.Title, fixture.Text).Text;

        Assert.InRange(SummaryLength.Measure(text, "en"), 1, 30);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("点击阅读原文\n扫码关注我们")]
    public void Summarize_NothingToSay_EmptySummaryNoException(string text)
    {
        var summary = summarizer.Summarize("标题", text);

        Assert.Equal("", summary.Text);
        Assert.Equal("extractive", summary.Summarizer);
    }

    [Fact]
    public async Task SummarizeAsync_RandomText_NeverThrowsAndStaysWithinTheCap()
    {
        const string alphabet = "模型学习。，！？；…”」）abc XYZ.!?:;,\n\t 3.5 e.g. https://x.org/a?b=1 @//\ud83d\ude00\u3000《》——";
        var random = new Random(1234);
        for (var trial = 0; trial < 300; trial++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 600)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

            var summary = await summarizer.SummarizeAsync(new SummaryRequest(text[..Math.Min(10, text.Length)], text));

            Assert.InRange(SummaryLength.Measure(summary.Text, summary.Language), 0, summary.Language == "zh" ? 160 : 60);
        }
    }

    [Fact]
    public void Summarize_OneShortWeiboLine_KeptWhole()
    {
        Assert.Equal("GPT-5 发布了！", summarizer.Summarize("", "GPT-5 发布了！").Text);
    }
}
