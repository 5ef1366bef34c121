using System.Text;
using System.Text.Json;
using Aggregator.Cli.Commands;
using Aggregator.Testing.Paths;

namespace Aggregator.Cli.Tests.Commands;

public sealed class ParseCommandTests
{
    [Fact]
    public async Task Parse_GbkFeedFile_ReportsFormatEncodingAndDecodedItems()
    {
        var path = RepositoryPaths.InRoot("samples", "feeds", "csdn-ai-notes-gbk.xml");
        using var output = new MemoryStream();

        var exit = await ParseCommand.RunAsync(path, page: false, encoding: null, output, TextWriter.Null, verbose: false, CancellationToken.None);

        Assert.Equal(0, exit);
        var json = Encoding.UTF8.GetString(output.ToArray());
        using var report = JsonDocument.Parse(json);
        Assert.Contains("gb18030", json, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("偏好对齐论文清单：DPO 之后的七篇必读", json, StringComparison.Ordinal);
        // The canonical link drops CSDN's tracking parameters.
        Assert.Contains("https://blog.csdn.net/ai_paper_notes/article/details/140000001\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_MissingFile_FailsWithTheReason()
    {
        var errors = new StringWriter();

        var exit = await ParseCommand.RunAsync("/nonexistent/feed.xml", page: false, encoding: null, Stream.Null, errors, verbose: false, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("/nonexistent/feed.xml", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_PageType_ReadsThePageAsOnePost()
    {
        var path = RepositoryPaths.InRoot("samples", "pages", "iclr2025-dpo-collection.html");
        using var output = new MemoryStream();

        var exit = await ParseCommand.RunAsync(path, page: true, encoding: null, output, TextWriter.Null, verbose: false, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Contains("3D-Properties", Encoding.UTF8.GetString(output.ToArray()), StringComparison.Ordinal);
    }
}
