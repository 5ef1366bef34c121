namespace Aggregator.Testing.Http;

/// <summary>One request a <see cref="LoopbackServer"/> received, as logged for assertions.</summary>
public sealed class LoopbackRequest
{
    private int statusCode;

    internal LoopbackRequest(int sequence, string method, string path, string query, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        Sequence = sequence;
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
        Body = body;
    }

    /// <summary>0 for the first request the server received, 1 for the next, and so on.</summary>
    public int Sequence { get; }

    public string Method { get; }

    /// <summary>The path without the query, e.g. <c>/feed.xml</c>.</summary>
    public string Path { get; }

    /// <summary>The query string with its leading '?', or empty.</summary>
    public string Query { get; }

    public string PathAndQuery => Path + Query;

    /// <summary>Request headers, names compared case-insensitively; repeated headers are joined with ",".</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The request body (empty for GET), e.g. the JSON a client posted to a fake API.</summary>
    public byte[] Body { get; }

    /// <summary><see cref="Body"/> decoded as UTF-8.</summary>
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);

    /// <summary>
    /// The status the server answered with, or null while the response has not started. It is set before the status
    /// line is sent, so once a client has seen the response this is already filled in.
    /// </summary>
    public int? StatusCode
    {
        get
        {
            var value = Volatile.Read(ref statusCode);
            return value == 0 ? null : value;
        }
    }

    /// <summary>What the route threw, other than the client going away (which is normal for cut-off bodies); null if nothing.</summary>
    public Exception? Error { get; private set; }

    /// <summary>The value of a request header, or null when it was not sent.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public override string ToString() => $"{Method} {PathAndQuery} -> {StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(pending)"}";

    internal void SetStatusCode(int value) => Volatile.Write(ref statusCode, value);

    internal void SetError(Exception error) => Error = error;
}
