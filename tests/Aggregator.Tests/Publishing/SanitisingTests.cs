using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Aggregator.Publishing;

namespace Aggregator.Tests.Publishing;

/// <summary>
/// Hostile markup in stored posts reaches no output: RSS, Atom, JSON Feed and the browser page each carry the item,
/// and none carries a script, an event handler, a javascript: or data: URL, an embedded frame or object, styles that
/// run code, a base or refresh, or a form.
/// </summary>
public sealed class SanitisingTests(SanitisingTests.Server server) : IClassFixture<SanitisingTests.Server>
{
    private static readonly string[] Outputs = ["rss", "atom", "json", "page"];

    private static readonly HashSet<string> ForbiddenElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "style", "base", "meta",
        "link", "form", "input", "button", "textarea", "select",
    };

    private static readonly string[] UrlAttributes = ["href", "src", "srcset", "action", "formaction", "data", "xlink:href", "poster", "background"];

    public static TheoryData<string, string> Matrix()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, _) in HostileMarkup.Cases)
        {
            foreach (var output in Outputs)
            {
                data.Add(name, output);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task HostileMarkup_IsInertInEveryOutput(string hostileCase, string output)
    {
        var id = "hostile-" + hostileCase;
        var (html, link) = await ItemAsync(output, id);

        Assert.Contains("before", html, StringComparison.Ordinal);
        Assert.Contains("end", html, StringComparison.Ordinal);
        AssertInert(html);
        Assert.True(link is null || IsSafeUrl(link), $"item link '{link}' in {output}");
    }

    [Fact]
    public async Task Page_HasNoScriptButItsOwnAndNoHandlerAnywhere()
    {
        var page = await server.PageAsync();
        var document = new HtmlParser().ParseDocument(page);

        var script = Assert.Single(document.QuerySelectorAll("script"));
        Assert.Equal(HtmlPageAssets.Script, script.TextContent);
        Assert.Single(document.QuerySelectorAll("style"));
        Assert.DoesNotContain(document.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(document.QuerySelectorAll("meta[http-equiv], base, form, iframe, object, embed, svg"));
    }

    private async Task<(string Html, string? Link)> ItemAsync(string output, string id)
    {
        switch (output)
        {
            case "rss":
            {
                var item = XDocument.Parse(await server.GetAsync("/api/feed?limit=200")).Root!.Element("channel")!.Elements("item")
                    .Single(i => (string?)i.Element("guid") == id);
                XNamespace content = "http://purl.org/rss/1.0/modules/content/";
                return ((string?)item.Element("description") + (string?)item.Element(content + "encoded"), (string?)item.Element("link"));
            }

            case "atom":
            {
                XNamespace atom = "http://www.w3.org/2005/Atom";
                var entry = XDocument.Parse(await server.GetAsync("/api/feed?limit=200&format=atom")).Root!.Elements(atom + "entry")
                    .Single(e => ((string?)e.Element(atom + "id"))!.EndsWith(id, StringComparison.Ordinal));
                return ((string?)entry.Element(atom + "summary") + (string?)entry.Element(atom + "content"),
                    (string?)entry.Elements(atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href"));
            }

            case "json":
            {
                using var json = JsonDocument.Parse(await server.GetAsync("/api/feed?limit=200&format=json"));
                var item = json.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);
                return (item.GetProperty("content_html").GetString()!, item.GetProperty("url").GetString());
            }

            default:
            {
                var document = new HtmlParser().ParseDocument(await server.PageAsync());
                var article = document.QuerySelectorAll("article").Single(a => a.QuerySelector("h2")!.TextContent == "Case " + id["hostile-".Length..]);
                return (article.InnerHtml, article.QuerySelector("h2 a")?.GetAttribute("href"));
            }
        }
    }

    private static void AssertInert(string html)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        foreach (var element in document.Body!.Descendants<IElement>())
        {
            Assert.False(ForbiddenElements.Contains(element.LocalName), $"<{element.LocalName}> survived: {element.OuterHtml}");
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"handler {attribute.Name} survived: {element.OuterHtml}");
                if (attribute.Name == "style")
                {
                    Assert.DoesNotContain("expression", attribute.Value, StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain("javascript", attribute.Value, StringComparison.OrdinalIgnoreCase);
                }

                if (UrlAttributes.Contains(attribute.Name, StringComparer.OrdinalIgnoreCase))
                {
                    foreach (var url in attribute.Name == "srcset" ? attribute.Value.Split(',') : [attribute.Value])
                    {
                        Assert.True(IsSafeUrl(url.Trim().Split(' ')[0]), $"{attribute.Name}=\"{attribute.Value}\" survived: {element.OuterHtml}");
                    }
                }
            }
        }
    }

    /// <summary>What a browser would make of the URL's scheme: controls and whitespace are ignored, case too.</summary>
    private static bool IsSafeUrl(string url)
    {
        var squeezed = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
        return !squeezed.StartsWith("javascript:", StringComparison.Ordinal)
            && !squeezed.StartsWith("data:", StringComparison.Ordinal)
            && !squeezed.StartsWith("vbscript:", StringComparison.Ordinal);
    }

    /// <summary>One server over the hostile posts for the whole matrix; each output fetched once.</summary>
    public sealed class Server : IAsyncLifetime
    {
        private readonly Dictionary<string, Task<string>> fetched = new(StringComparer.Ordinal);
        private FeedTestServer? running;

        public Task<string> GetAsync(string path)
        {
            lock (fetched)
            {
                if (!fetched.TryGetValue(path, out var body))
                {
                    fetched[path] = body = running!.Client.GetStringAsync(path);
                }

                return body;
            }
        }

        public Task<string> PageAsync()
        {
            lock (fetched)
            {
                if (!fetched.TryGetValue("page", out var body))
                {
                    fetched["page"] = body = FetchPageAsync();
                }

                return body;
            }
        }

        public async Task InitializeAsync() => running = await FeedTestServer.StartAsync(posts: HostileMarkup.Posts());

        public async Task DisposeAsync()
        {
            if (running is not null)
            {
                await running.DisposeAsync();
            }
        }

        private async Task<string> FetchPageAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/feed?limit=200");
            request.Headers.TryAddWithoutValidation("Accept", "text/html");
            using var response = await running!.Client.SendAsync(request);
            return await response.Content.ReadAsStringAsync();
        }
    }
}
