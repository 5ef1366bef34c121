using Aggregator.Sources;
using Aggregator.Testing.Http;
using Aggregator.Tests.Fetching;

namespace Aggregator.Tests.Sources;

public sealed class SourceCatalogFileTests
{
    [Fact]
    public async Task Get_SourcesFileOnAnInternalAddress_IsFetched_BecauseTheOperatorNamedIt()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/sources.json", LoopbackResponse.Json("""{ "sources": [ { "id": "a", "url": "feeds/a.xml" } ] }"""));
        using var host = FetcherHost.CreateWithDefaultPolicy();

        var catalog = await new SourceCatalogFile(server.Url("/sources.json").AbsoluteUri, host.Fetcher).GetAsync();

        var source = Assert.Single(catalog.Sources);
        Assert.Equal(server.Url("/feeds/a.xml"), source.Url);
        Assert.False(source.AllowPrivateNetwork);
    }
}
