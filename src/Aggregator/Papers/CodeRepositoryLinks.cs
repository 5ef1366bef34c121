namespace Aggregator.Papers;

/// <summary>
/// Turns a GitHub link into the repository it points into ("https://github.com/owner/repo"), or null when it is not a
/// paper's code: a profile, an issue or pull request, a GitHub feature page, or a file of the repository the post itself
/// lives in (a collection README's relative links).
/// </summary>
internal static class CodeRepositoryLinks
{
    private static readonly HashSet<string> NotOwners = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "features", "topics", "orgs", "organizations", "sponsors", "marketplace", "settings", "login", "join",
        "explore", "collections", "trending", "search", "notifications", "pricing", "enterprise", "site", "apps", "users",
    };

    private static readonly HashSet<string> NotCode = new(StringComparer.OrdinalIgnoreCase)
    {
        "issues", "pull", "pulls", "discussions", "compare", "commit", "commits", "actions", "security", "pulse",
        "graphs", "network", "stargazers", "watchers", "forks", "wiki",
    };

    public static string? RepositoryRoot(string url, Uri? postBase)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !IsGitHub(uri))
        {
            return null;
        }

        var segments = uri.AbsolutePath.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2 || NotOwners.Contains(segments[0]) || (segments.Length > 2 && NotCode.Contains(segments[2])))
        {
            return null;
        }

        var owner = segments[0];
        var repository = segments[1].EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? segments[1][..^4] : segments[1];
        if (repository.Length == 0)
        {
            return null;
        }

        if (postBase is not null && IsGitHub(postBase)
            && postBase.AbsolutePath.Trim('/').Split('/') is [var baseOwner, var baseRepository, ..]
            && owner.Equals(baseOwner, StringComparison.OrdinalIgnoreCase)
            && repository.Equals(baseRepository, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return $"https://github.com/{owner}/{repository}";
    }

    private static bool IsGitHub(Uri uri) => uri.Host.ToLowerInvariant() is "github.com" or "www.github.com";
}
