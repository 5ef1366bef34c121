using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Aggregator.Functions.Tests.Harness;

/// <summary>
/// Stand in for the server's response and lifetime features on a <see cref="DefaultHttpContext"/>, so a test can have
/// the response start (status and headers on the wire) and see whether the connection was aborted.
/// </summary>
public sealed class StartedResponseFeatures : HttpResponseFeature, IHttpRequestLifetimeFeature
{
    private bool started;

    public override bool HasStarted => started;

    public CancellationToken RequestAborted { get; set; }

    public bool Aborted { get; private set; }

    /// <summary>Puts these features on <paramref name="context"/>, keeping the response body it has.</summary>
    public static StartedResponseFeatures On(HttpContext context)
    {
        var features = new StartedResponseFeatures { Body = context.Response.Body };
        context.Features.Set<IHttpResponseFeature>(features);
        context.Features.Set<IHttpRequestLifetimeFeature>(features);
        return features;
    }

    public void Start() => started = true;

    public void Abort() => Aborted = true;
}
