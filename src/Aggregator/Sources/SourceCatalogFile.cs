using Aggregator.Fetching;

namespace Aggregator.Sources;

/// <summary>
/// Reads the sources file from a path (relative to the working directory) or an http(s) URL, the latter so a deployed
/// app can take its sources from a blob or a gist without a redeploy.
/// </summary>
public sealed class SourceCatalogFile(string location, IFetcher fetcher) : ISourceCatalogProvider
{
    public string Location { get; } = location;

    public async Task<SourceCatalog> GetAsync(CancellationToken cancellationToken = default)
    {
        if (Uri.TryCreate(Location, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            FetchResponse response;
            try
            {
                // The operator named this URL (AGGREGATOR_SOURCES), so it may be internal, e.g. a blob behind a private endpoint.
                response = await fetcher.FetchAsync(new FetchRequest(url) { AllowPrivateNetwork = true }, cancellationToken).ConfigureAwait(false);
            }
            catch (FetchException ex)
            {
                throw new SourceCatalogException($"Sources file {url} could not be fetched: {ex.Message}", ex);
            }

            return SourceCatalog.Parse(System.Text.Encoding.UTF8.GetString(response.Body.Span), response.FinalUrl, url.AbsoluteUri);
        }

        var path = url is { IsFile: true } ? url.LocalPath : Location;
        if (!Path.IsPathRooted(path) && !File.Exists(path) && File.Exists(Path.Combine(AppContext.BaseDirectory, path)))
        {
            // A deployed app (Functions) runs from elsewhere than its files: fall back to the app's own folder.
            path = Path.Combine(AppContext.BaseDirectory, path);
        }

        return SourceCatalog.Load(path);
    }
}
