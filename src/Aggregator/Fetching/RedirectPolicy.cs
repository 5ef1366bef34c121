using System.Net;

namespace Aggregator.Fetching;

/// <summary>
/// Which redirects the fetcher follows, and where they lead, judged on the URL: scheme and TLS. Where a hop may connect
/// (no internal addresses) is judged on the resolved address when connecting, by <see cref="AddressCheckedConnector"/>.
/// </summary>
internal static class RedirectPolicy
{
    public static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently
        or HttpStatusCode.Found
        or HttpStatusCode.SeeOther
        or HttpStatusCode.TemporaryRedirect
        or HttpStatusCode.PermanentRedirect;

    /// <summary>
    /// Resolves a (possibly relative) Location against the URL that sent it; null when the header is missing or
    /// unusable.
    /// </summary>
    public static Uri? Resolve(Uri from, Uri? location)
    {
        if (location is null)
        {
            return null;
        }

        return location.IsAbsoluteUri ? location : Uri.TryCreate(from, location, out var resolved) ? resolved : null;
    }

    /// <summary>
    /// Why following <paramref name="from"/> → <paramref name="to"/> is refused, or null when it is fine. A redirect
    /// must not turn a source into a local file read (file:, or any other scheme), nor quietly drop TLS.
    /// </summary>
    public static string? Refusal(Uri from, Uri to)
    {
        if (to.Scheme != Uri.UriSchemeHttp && to.Scheme != Uri.UriSchemeHttps)
        {
            return $"only http and https redirects are followed, not {to.Scheme}:";
        }

        if (from.Scheme == Uri.UriSchemeHttps && to.Scheme == Uri.UriSchemeHttp)
        {
            return "a redirect from https to http would drop TLS";
        }

        return null;
    }

    /// <summary>"a → b → c", for messages about a redirect chain.</summary>
    public static string Describe(IEnumerable<Uri> chain) => string.Join(" → ", chain.Select(u => u.AbsoluteUri));
}
