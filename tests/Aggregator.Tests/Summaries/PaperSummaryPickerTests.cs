using Aggregator.Papers;
using Aggregator.Summaries;

namespace Aggregator.Tests.Summaries;

public sealed class PaperSummaryPickerTests
{
    private const string Abstract =
        "Recent advances in state-space model architectures have shown great promise for efficient sequence modeling. " +
        "We propose the Flash STU architecture, a hybrid model that interleaves spectral state space model layers with sliding window attention. " +
        "We evaluate the Flash STU and its variants on diverse sequence prediction tasks, including linear dynamical systems, robotics control, and language modeling. " +
        "We find that, given a fixed parameter budget, the Flash STU architecture consistently outperforms the Transformer and other leading state-space models such as S4 and Mamba-2.";

    private readonly PaperSummaryPicker picker = new(new ExtractiveSummarizer());

    [Fact]
    public void Pick_ReadySummary_PreferredAndCreditedToTheSource()
    {
        var mention = new PaperMention { ReadySummary = "本文提出Flash STU架构，交织谱状态空间层与滑动窗口注意力。", Abstract = Abstract, Context = "别的内容。" };

        var summary = picker.Pick(mention);

        Assert.NotNull(summary);
        Assert.Equal("source", summary.Summarizer);
        Assert.Equal("本文提出Flash STU架构，交织谱状态空间层与滑动窗口注意力。", summary.Text);
        Assert.Equal("zh", summary.Language);
    }

    [Fact]
    public void Pick_AbstractOnly_LeadingWholeSentencesWithinTheCap()
    {
        var summary = picker.Pick(new PaperMention { Abstract = Abstract, Context = "Unrelated context text here." });

        Assert.NotNull(summary);
        Assert.Equal("source", summary.Summarizer);
        Assert.StartsWith("Recent advances in state-space model architectures", summary.Text, StringComparison.Ordinal);
        Assert.EndsWith(".", summary.Text, StringComparison.Ordinal);
        Assert.InRange(SummaryLength.Measure(summary.Text, "en"), 1, 60);
        Assert.True(SummaryLength.Measure(summary.Text, "en") < SummaryLength.Measure(Abstract, "en"));
    }

    [Fact]
    public void Pick_ContextOnly_ExtractiveSummary()
    {
        var mention = new PaperMention
        {
            Title = "Flash STU",
            Context = "Flash STU 把谱状态空间层与滑动窗口注意力交替堆叠。它在固定参数预算下优于 Transformer。代码已经开源。",
        };

        var summary = picker.Pick(mention);

        Assert.NotNull(summary);
        Assert.Equal("extractive", summary.Summarizer);
        Assert.Contains("Flash STU", summary.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pick_NothingAboutThePaper_Null()
    {
        Assert.Null(picker.Pick(new PaperMention { Title = "Flash STU", Context = "  " }));
    }
}
