namespace Aggregator.Extraction;

/// <summary>Turns an attribute value into a URL safe to serve, the way a browser would read it, or refuses it.</summary>
internal static class SafeUrl
{
    /// <summary>
    /// The absolute URL <paramref name="value"/> points at when its scheme is one of <paramref name="allowedSchemes"/>;
    /// a relative value with no base stays relative (it can carry no scheme). Null for anything else.
    /// </summary>
    public static string? Resolve(string? value, Uri? baseUri, IReadOnlyCollection<string> allowedSchemes)
    {
        if (value is null)
        {
            return null;
        }

        // Browsers drop tabs and newlines anywhere in a URL and trim C0 controls and spaces: "jav&#x09;ascript:" runs.
        var cleaned = value.Replace("\t", string.Empty, StringComparison.Ordinal)
            .Replace("\n", string.Empty, StringComparison.Ordinal)
            .Replace("\r", string.Empty, StringComparison.Ordinal)
            .Trim(TrimmedCharacters);
        if (cleaned.Length == 0 || cleaned.Any(char.IsControl))
        {
            return null;
        }

        if (HasScheme(cleaned))
        {
            return Uri.TryCreate(cleaned, UriKind.Absolute, out var absolute) && allowedSchemes.Contains(absolute.Scheme)
                ? absolute.AbsoluteUri
                : null;
        }

        if (baseUri is { IsAbsoluteUri: true })
        {
            return Uri.TryCreate(baseUri, cleaned, out var resolved) && allowedSchemes.Contains(resolved.Scheme)
                ? resolved.AbsoluteUri
                : null;
        }

        // Protocol-relative without a base would inherit whatever scheme the reader's page has.
        return cleaned.StartsWith("//", StringComparison.Ordinal) ? "https:" + cleaned : cleaned;
    }

    private static readonly char[] TrimmedCharacters = [.. Enumerable.Range(0, 0x21).Select(c => (char)c)];

    /// <summary>True when the value starts with "scheme:" (letters, digits, + - . before the first ':').</summary>
    private static bool HasScheme(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == ':')
            {
                return i > 0;
            }

            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return false;
    }
}
