using System.Text;
using Aggregator.Fetching;

namespace Aggregator.Tests.Fetching;

/// <summary>file: URLs, which let the bundled sample sources run offline.</summary>
public sealed class FileFetchTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("aggregator-fetch-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Fetch_FileUrl_ReadsTheFile_WithValidatorsAndAContentTypeGuess()
    {
        var path = Write("feed.xml", "<rss>样例</rss>");
        using var host = FetcherHost.Create();

        var response = await host.FetchAsync(new Uri(path));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("<rss>样例</rss>", Encoding.UTF8.GetString(response.Body.Span));
        // A file has no charset: its XML declaration, not RFC 3023's us-ascii default for text/xml, must decide.
        Assert.Equal("application/xml", response.ContentType);
        Assert.False(response.Truncated);
        Assert.NotNull(response.ETag);
        Assert.NotNull(response.LastModified);
        Assert.Equal(new Uri(path), response.FinalUrl);
    }

    [Fact]
    public async Task Fetch_MissingFile_ThrowsNotFound()
    {
        var path = Path.Combine(directory, "absent.xml");
        using var host = FetcherHost.Create();

        var error = await Assert.ThrowsAsync<FetchException>(() => host.FetchAsync(new Uri(path)));

        Assert.Equal(FetchFailure.NotFound, error.Failure);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_UnchangedFileWithItsETag_IsNotModified()
    {
        var path = Write("feed.xml", "<rss/>");
        using var host = FetcherHost.Create();

        var first = await host.FetchAsync(new Uri(path));
        var second = await host.FetchAsync(new FetchRequest(new Uri(path)) { ETag = first.ETag, LastModified = first.LastModified });

        Assert.True(second.NotModified);
        Assert.True(second.Body.IsEmpty);
        Assert.Equal(first.ETag, second.ETag);
    }

    [Fact]
    public async Task Fetch_UnchangedFileWithOnlyLastModified_IsNotModified()
    {
        var path = Write("feed.xml", "<rss/>");
        using var host = FetcherHost.Create();

        var first = await host.FetchAsync(new Uri(path));
        var second = await host.FetchAsync(new FetchRequest(new Uri(path)) { LastModified = first.LastModified });

        Assert.True(second.NotModified);
    }

    [Fact]
    public async Task Fetch_RewrittenFile_HasANewETag_AndIsReadAgain()
    {
        var path = Write("feed.xml", "<rss>one</rss>");
        using var host = FetcherHost.Create();
        var first = await host.FetchAsync(new Uri(path));

        await File.WriteAllTextAsync(path, "<rss>three</rss>");
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddMinutes(1));
        var second = await host.FetchAsync(new FetchRequest(new Uri(path)) { ETag = first.ETag });

        Assert.False(second.NotModified);
        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal("<rss>three</rss>", Encoding.UTF8.GetString(second.Body.Span));
    }

    [Fact]
    public async Task Fetch_FileLargerThanTheCap_IsTruncatedAtTheCap()
    {
        var path = Path.Combine(directory, "big.xml");
        await File.WriteAllBytesAsync(path, new byte[100_000]);
        using var host = FetcherHost.Create(o => o.MaxBytes = 30_000);

        var response = await host.FetchAsync(new Uri(path));

        Assert.True(response.Truncated);
        Assert.Equal(30_000, response.Body.Length);
    }

    [Fact]
    public void EntityTag_DependsOnSizeAndModificationTime()
    {
        var path = Write("feed.xml", "12345");
        var before = FileSourceReader.EntityTag(new FileInfo(path));

        File.SetLastWriteTimeUtc(path, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var touched = FileSourceReader.EntityTag(new FileInfo(path));
        File.WriteAllText(path, "123456");
        File.SetLastWriteTimeUtc(path, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var grown = FileSourceReader.EntityTag(new FileInfo(path));

        Assert.NotEqual(before, touched);
        Assert.NotEqual(touched, grown);
        Assert.Equal(grown, FileSourceReader.EntityTag(new FileInfo(path)));
        Assert.Matches("^\"[0-9a-f]{16}\"$", grown);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
