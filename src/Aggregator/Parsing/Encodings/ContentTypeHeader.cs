namespace Aggregator.Parsing.Encodings;

/// <summary>The media type and charset parameter of an HTTP Content-Type header, read leniently.</summary>
internal readonly record struct ContentTypeHeader(string MediaType, string? Charset)
{
    public static ContentTypeHeader Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return new ContentTypeHeader(string.Empty, null);
        }

        var parts = header.Split(';');
        string? charset = null;
        foreach (var parameter in parts.AsSpan(1))
        {
            var equals = parameter.IndexOf('=');
            if (equals > 0 && parameter[..equals].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                var value = parameter[(equals + 1)..].Trim().Trim('"', '\'').Trim();
                charset = value.Length == 0 ? null : value;
            }
        }

        return new ContentTypeHeader(parts[0].Trim().ToLowerInvariant(), charset);
    }

    /// <summary>RFC 3023: text/xml and its relatives without a charset are us-ascii, whatever the document declares.</summary>
    public bool IsTextXml => MediaType.StartsWith("text/", StringComparison.Ordinal) && MediaType.EndsWith("xml", StringComparison.Ordinal)
        || MediaType == "text/xml-external-parsed-entity";

    public bool IsXml => IsTextXml || MediaType.StartsWith("application/", StringComparison.Ordinal)
        && (MediaType.EndsWith("xml", StringComparison.Ordinal) || MediaType.Contains("xml-", StringComparison.Ordinal));
}
