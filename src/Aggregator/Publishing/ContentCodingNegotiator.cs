using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Aggregator.Publishing;

/// <summary>Chooses br, gzip or identity from Accept-Encoding, honouring q-values (q=0 refuses a coding).</summary>
internal static class ContentCodingNegotiator
{
    public static ContentCoding Choose(StringValues acceptEncoding)
    {
        double brotli = -1, gzip = -1, wildcard = -1;
        foreach (var header in acceptEncoding)
        {
            if (header is null)
            {
                continue;
            }

            foreach (var part in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var semicolon = part.IndexOf(';', StringComparison.Ordinal);
                var name = (semicolon < 0 ? part : part[..semicolon]).Trim();
                var quality = semicolon < 0 ? 1.0 : Quality(part[(semicolon + 1)..]);
                if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
                {
                    brotli = quality;
                }
                else if (name.Equals("gzip", StringComparison.OrdinalIgnoreCase) || name.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
                {
                    gzip = quality;
                }
                else if (name == "*")
                {
                    wildcard = quality;
                }
            }
        }

        if (brotli < 0)
        {
            brotli = wildcard;
        }

        if (gzip < 0)
        {
            gzip = wildcard;
        }

        if (brotli > 0 && brotli >= gzip)
        {
            return ContentCoding.Brotli;
        }

        return gzip > 0 ? ContentCoding.Gzip : ContentCoding.Identity;
    }

    private static double Quality(string parameters)
    {
        foreach (var parameter in parameters.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                && double.TryParse(parameter.AsSpan(2), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q))
            {
                return Math.Clamp(q, 0, 1);
            }
        }

        return 1.0;
    }
}
