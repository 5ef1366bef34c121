namespace Aggregator.Testing.OpenAi;

/// <summary>One canned answer of <see cref="FakeOpenAiServer"/>.</summary>
public sealed record FakeOpenAiResponse(int Status, string Content, TimeSpan Delay = default, int? RetryAfterSeconds = null)
{
    /// <summary>200 with <paramref name="content"/> as the assistant message (markup, injection echoes: whatever the test needs).</summary>
    public static FakeOpenAiResponse Ok(string content) => new(200, content);

    public static FakeOpenAiResponse RateLimited(int retryAfterSeconds = 20) => new(429, "", RetryAfterSeconds: retryAfterSeconds);

    public static FakeOpenAiResponse ServerError() => new(500, "");

    /// <summary>A 200 that arrives only after <paramref name="delay"/>: longer than the client's timeout.</summary>
    public static FakeOpenAiResponse Slow(TimeSpan delay, string content = "A summary that arrives too late.") => new(200, content, delay);
}
