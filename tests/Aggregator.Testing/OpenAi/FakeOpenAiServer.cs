using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aggregator.Testing.OpenAi;

/// <summary>
/// An OpenAI-compatible chat completions endpoint on a free loopback port: answers POST /v1/chat/completions (and
/// /chat/completions, for endpoints configured without /v1) with what the test asked for, and records every request
/// body. The SDK appends "chat/completions" to the configured endpoint, so use <see cref="Endpoint"/> as it is.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<FakeOpenAiResponse> queued = new();
    private readonly ConcurrentQueue<string> requests = new();

    private FakeOpenAiServer(WebApplication app) => this.app = app;

    /// <summary>Base URL including /v1, for <c>OpenAIClientOptions.Endpoint</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The response given when nothing is queued.</summary>
    public FakeOpenAiResponse DefaultResponse { get; set; } = FakeOpenAiResponse.Ok("A default summary from the fake server.");

    /// <summary>Raw JSON bodies of the requests received, in order.</summary>
    public IReadOnlyList<string> Requests => requests.ToList();

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOpenAiServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        app.MapPost("/chat/completions", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    /// <summary>Answers the next request with <paramref name="response"/> (then the next queued one, then the default).</summary>
    public void Enqueue(FakeOpenAiResponse response) => queued.Enqueue(response);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        requests.Enqueue(await reader.ReadToEndAsync(context.RequestAborted));
        var response = queued.TryDequeue(out var next) ? next : DefaultResponse;
        if (response.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(response.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = response.Status;
        if (response.RetryAfterSeconds is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response.Status == 200 ? CompletionJson(response.Content) : ErrorJson(response.Status), context.RequestAborted);
    }

    private static string CompletionJson(string content) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-fake",
        @object = "chat.completion",
        created = 1_744_502_400,
        model = "fake-model",
        choices = new[]
        {
            new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" },
        },
        usage = new { prompt_tokens = 100, completion_tokens = 50, total_tokens = 150 },
    });

    private static string ErrorJson(int status) => JsonSerializer.Serialize(new
    {
        error = new { message = $"fake error {status}", type = status == 429 ? "rate_limit_exceeded" : "server_error", code = (string?)null },
    });
}
