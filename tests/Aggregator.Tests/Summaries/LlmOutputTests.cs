using Aggregator.Summaries;

namespace Aggregator.Tests.Summaries;

public sealed class LlmOutputTests
{
    [Theory]
    [InlineData("**Flash STU** beats *Transformer*.", "Flash STU beats Transformer.")]
    [InlineData("<p>Flash STU <em>beats</em> Transformer.</p>", "Flash STU beats Transformer.")]
    [InlineData("See [the paper](https://arxiv.org/abs/2409.10489) now.", "See the paper now.")]
    [InlineData("![fig](https://x.org/a.png)Flash STU beats Transformer.", "Flash STU beats Transformer.")]
    [InlineData("# Title\n- first point\n- second point", "first point second point")]
    [InlineData("```text\nFlash STU beats Transformer.\n```", "Flash STU beats Transformer.")]
    [InlineData("Summary: Flash STU beats Transformer.", "Flash STU beats Transformer.")]
    [InlineData("摘要：Flash STU 优于 Transformer。\n它更快。", "Flash STU 优于 Transformer。它更快。")]
    [InlineData("Uses `M*N` matrices &amp; more.", "Uses M*N matrices & more.")]
    public void Clean_Markup_Removed(string reply, string expected)
    {
        Assert.Equal(expected, LlmOutput.Clean(reply));
    }

    [Fact]
    public void IsAcceptable_EchoedMarkers_Rejected()
    {
        const string source = "Flash STU interleaves spectral layers with sliding window attention and beats Transformer.";

        Assert.False(LlmOutput.IsAcceptable("SOURCE>>> Flash STU interleaves spectral layers with attention.", "en", "en", source));
        Assert.True(LlmOutput.IsAcceptable("Flash STU interleaves spectral layers with attention.", "en", "en", source));
    }
}
