using System.Text;
using Microsoft.AspNetCore.Http;

namespace Aggregator.Functions.Tests.Harness;

/// <summary>
/// One HTTP request as the Functions ASP.NET Core integration hands it to a function: a real
/// <see cref="DefaultHttpContext"/> whose services are the app's, with the response body kept for the test to read.
/// </summary>
public sealed class HttpInvocation
{
    /// <summary>The public host name of the app under test; self links and proxy links are built from it.</summary>
    public const string Host = "func-aggregator.example";

    private readonly MemoryStream body = new();

    public HttpInvocation(IServiceProvider services, string method, string pathAndQuery)
    {
        Context = new DefaultHttpContext { RequestServices = services };
        var request = Context.Request;
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        request.Method = method;
        request.Scheme = "https";
        request.Host = new HostString(Host);
        request.Path = query < 0 ? pathAndQuery : pathAndQuery[..query];
        request.QueryString = query < 0 ? QueryString.Empty : new QueryString(pathAndQuery[query..]);
        Context.Response.Body = body;
    }

    public HttpContext Context { get; }

    public HttpRequest Request => Context.Request;

    public HttpResponse Response => Context.Response;

    public int StatusCode => Response.StatusCode;

    public byte[] Body => body.ToArray();

    public string BodyText => Encoding.UTF8.GetString(body.ToArray());

    public HttpInvocation WithHeader(string name, string value)
    {
        Request.Headers[name] = value;
        return this;
    }

    /// <summary>A response header, or null when the function did not set it.</summary>
    public string? Header(string name) => Response.Headers.TryGetValue(name, out var value) ? value.ToString() : null;
}
