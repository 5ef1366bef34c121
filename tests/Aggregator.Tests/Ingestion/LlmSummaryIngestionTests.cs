using Aggregator.Hosting;
using Aggregator.Storage;
using Aggregator.Testing.Azurite;
using Aggregator.Testing.OpenAi;

namespace Aggregator.Tests.Ingestion;

/// <summary>The optional LLM summariser inside real runs: a failing endpoint never blocks ingestion, and the post is asked again later.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class LlmSummaryIngestionTests(AzuriteFixture azurite)
{
    private const string StepDpoSummary = "Step-DPO 定位第一个出错的推理步骤，只在这一步上构造偏好对，用约一万对逐步偏好数据微调，在 MATH 上提升近 3 个百分点。";

    [Fact]
    public async Task Run_LlmFailsThenRecovers_FallsBackAndResummarisesOnALaterRun()
    {
        await using var feeds = await SampleFeedServer.StartAsync();
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.DefaultResponse = FakeOpenAiResponse.ServerError();
        var settings = new Dictionary<string, string?>
        {
            [SettingNames.LlmEndpoint] = llm.Endpoint.AbsoluteUri,
            [SettingNames.LlmModel] = "fake-model",
        };
        await using var harness = new IngestionHarness(
            azurite, SampleFeedServer.Sources(feeds).Where(s => s.ToString()!.Contains("weibo-aikeke", StringComparison.Ordinal)), settings: settings);

        var first = await harness.RunAsync();
        var fallback = await StepDpoPostAsync(harness);
        llm.DefaultResponse = FakeOpenAiResponse.Ok(StepDpoSummary);
        await harness.RunAsync();
        var retried = await StepDpoPostAsync(harness);
        var callsAfterRetry = llm.Requests.Count;
        await harness.RunAsync();

        Assert.True(first.NewPosts > 0);
        Assert.Equal("extractive", fallback.Summarizer);
        Assert.True(fallback.SummaryRetry);
        Assert.False(string.IsNullOrWhiteSpace(fallback.Summary));
        Assert.Equal("llm:fake-model", retried.Summarizer);
        Assert.Equal(StepDpoSummary, retried.Summary);
        Assert.False(retried.SummaryRetry);
        // Nothing left to retry and nothing new: the third run costs no LLM call.
        Assert.Equal(callsAfterRetry, llm.Requests.Count);
    }

    private static async Task<Post> StepDpoPostAsync(IngestionHarness harness) =>
        (await harness.Posts.GetNewestAsync(new FeedQuery { Limit = 50 })).Single(p => p.Title.StartsWith("【Step-DPO", StringComparison.Ordinal));
}
