namespace Aggregator.Extraction;

/// <summary>One <c>name=value</c> pair of a query string, kept as written so an unchanged query rebuilds unchanged.</summary>
internal readonly record struct QueryParameter(string Name, string RawValue, string Raw)
{
    /// <summary>The pairs of a query ("?a=1&amp;b" or "a=1&amp;b"), in order.</summary>
    public static List<QueryParameter> Split(string query)
    {
        var parameters = new List<QueryParameter>();
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
            parameters.Add(new QueryParameter(Decode(name), value, pair));
        }

        return parameters;
    }

    /// <summary>The value percent-decoded; '+' stays '+' because wrapped URLs rarely mean a space by it.</summary>
    public string Value => Decode(RawValue);

    private static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            return text;
        }
    }
}
