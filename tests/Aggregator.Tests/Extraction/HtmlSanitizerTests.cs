using AngleSharp.Html.Parser;
using Aggregator.Extraction;

namespace Aggregator.Tests.Extraction;

public sealed class HtmlSanitizerTests
{
    private static readonly Uri Base = new("https://blog.example.org/posts/42.html");
    private readonly HtmlSanitizer sanitizer = new(new LinkCanonicalizer());

    [Fact]
    public void Sanitize_StructureAndText_AreKept()
    {
        var html = sanitizer.Sanitize(
            "<h2>Title</h2><p>One <b>bold</b> <em>word</em> H<sub>2</sub>O x<sup>2</sup></p><ul><li>a</li></ul><ol start=\"3\"><li>b</li></ol>"
            + "<table><tr><th>k</th><td colspan=\"2\">v</td></tr></table><pre><code>x = 1</code></pre><blockquote>q</blockquote><hr>"
            + "<details><summary>more</summary>hidden by default, shown on click</details><figure><figcaption>cap</figcaption></figure>",
            Base);

        Assert.Equal(
            "<h2>Title</h2><p>One <b>bold</b> <em>word</em> H<sub>2</sub>O x<sup>2</sup></p><ul><li>a</li></ul><ol start=\"3\"><li>b</li></ol>"
            + "<table><tbody><tr><th>k</th><td colspan=\"2\">v</td></tr></tbody></table><pre><code>x = 1</code></pre><blockquote>q</blockquote><hr>"
            + "<details><summary>more</summary>hidden by default, shown on click</details><figure><figcaption>cap</figcaption></figure>",
            html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script><p>ok</p>")]
    [InlineData("<style>p{color:red}</style><p>ok</p>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe><p>ok</p>")]
    [InlineData("<object data=\"x.swf\"></object><embed src=\"x.swf\"><p>ok</p>")]
    [InlineData("<form action=\"/x\"><input name=\"q\"><button>Go</button></form><p>ok</p>")]
    [InlineData("<svg onload=\"alert(1)\"><circle r=\"4\"/></svg><p>ok</p>")]
    [InlineData("<math><mtext>x</mtext></math><p>ok</p>")]
    public void Sanitize_DangerousElements_DroppedWithTheirContent(string input)
    {
        Assert.Equal("<p>ok</p>", sanitizer.Sanitize(input, Base));
    }

    [Fact]
    public void Sanitize_EventHandlersStylesAndUnknownAttributes_Dropped()
    {
        var html = sanitizer.Sanitize("<p onclick=\"alert(1)\" style=\"color:red\" class=\"x\" id=\"y\" data-x=\"1\">text</p>", Base);

        Assert.Equal("<p>text</p>", html);
    }

    [Fact]
    public void Sanitize_UnknownElements_UnwrappedKeepingChildren()
    {
        var html = sanitizer.Sanitize("<custom-card><span><font color=\"red\">kept</font></span></custom-card><section><p>para</p></section>", Base);

        Assert.Equal("kept<div><p>para</p></div>", html);
    }

    [Theory]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\" javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"jav&#x09;ascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"jav&#x0A;ascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"&#106;avascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"JaVaScRiPt:alert(1)\">x</a>")]
    [InlineData("<a href=\"vbscript:msgbox(1)\">x</a>")]
    [InlineData("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>")]
    [InlineData("<a href=\"\">x</a>")]
    [InlineData("<a href=\"#section-2\">x</a>")]
    [InlineData("<a>x</a>")]
    public void Sanitize_UnsafeOrEmptyLinks_KeepOnlyTheText(string input)
    {
        Assert.Equal("x", sanitizer.Sanitize(input, Base));
    }

    [Fact]
    public void Sanitize_Links_ResolvedUnwrappedAndMarkedNoopener()
    {
        var html = sanitizer.Sanitize(
            "<a href=\"../papers/a.pdf\" target=\"_blank\">pdf</a><a href=\"https://weibo.cn/sinaurl?u=https%3A%2F%2Farxiv.org%2Fabs%2F2501.00001\">arxiv</a><a href=\"mailto:x@example.org\">mail</a>",
            Base);

        Assert.Equal(
            "<a href=\"https://blog.example.org/papers/a.pdf\" rel=\"noopener noreferrer\">pdf</a>"
            + "<a href=\"https://arxiv.org/abs/2501.00001\" rel=\"noopener noreferrer\">arxiv</a>"
            + "<a href=\"mailto:x@example.org\" rel=\"noopener noreferrer\">mail</a>",
            html);
    }

    [Fact]
    public void Sanitize_LazyImages_PromoteDataSrcAndAddPrivacyAttributes()
    {
        var html = sanitizer.Sanitize(
            "<img data-src=\"https://mmbiz.qpic.cn/mmbiz_png/abc/640?wx_fmt=png\" src=\"data:image/gif;base64,R0lGOD\" alt=\"图\" width=\"640\" height=\"auto\" class=\"rich_pages\">",
            Base);

        Assert.Equal(
            "<img src=\"https://mmbiz.qpic.cn/mmbiz_png/abc/640?wx_fmt=png\" alt=\"图\" width=\"640\" referrerpolicy=\"no-referrer\" loading=\"lazy\">",
            html);
    }

    [Theory]
    [InlineData("data-original")]
    [InlineData("data-actualsrc")]
    public void Sanitize_OtherLazyAttributes_PromotedAndResolved(string attribute)
    {
        var html = sanitizer.Sanitize($"<img {attribute}=\"/img/a.png\">", Base);

        Assert.Contains("src=\"https://blog.example.org/img/a.png\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<img src=\"data:image/png;base64,iVBORw0KGgo=\">")]
    [InlineData("<img src=\"javascript:alert(1)\">")]
    [InlineData("<img src=\"https://example.org/p.gif\" width=\"1\" height=\"1\">")]
    [InlineData("<img src=\"https://example.org/p.gif\" width=\"0\">")]
    [InlineData("<img src=\"https://www.google-analytics.com/collect?v=1\">")]
    [InlineData("<img src=\"https://feeds.feedburner.com/~r/blog/~4/abc\">")]
    [InlineData("<img src=\"https://hm.baidu.com/hm.gif?si=1\">")]
    [InlineData("<img onerror=\"alert(1)\">")]
    public void Sanitize_UnsafeImagesAndTrackingPixels_Dropped(string input)
    {
        Assert.Equal("<p>after</p>", sanitizer.Sanitize(input + "<p>after</p>", Base));
    }

    [Theory]
    [InlineData("<p hidden>secret</p>")]
    [InlineData("<p style=\"display: none\">secret</p>")]
    [InlineData("<p style=\"DISPLAY:NONE !important\">secret</p>")]
    [InlineData("<span style=\"visibility:hidden\">secret</span>")]
    [InlineData("<span aria-hidden=\"true\">secret</span>")]
    public void Sanitize_InvisibleText_Dropped(string input)
    {
        Assert.Equal("<p>shown</p>", sanitizer.Sanitize(input + "<p>shown</p>", Base));
    }

    [Fact]
    public void Sanitize_NestedScriptTagTrick_LeavesNoScriptElement()
    {
        var html = sanitizer.Sanitize("<scr<script>ipt>alert(1)</scr</script>ipt><p>ok</p>", Base);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(new HtmlParser().ParseDocument(html).QuerySelectorAll("script"));
        Assert.Contains("<p>ok</p>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<svg><script>alert(1)</script></svg>")]
    [InlineData("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>")]
    [InlineData("<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>")]
    [InlineData("<a href=\"https://ok.example\" onmouseover=\"alert(1)\">x</a>")]
    [InlineData("<img src=\"https://ok.example/a.png\" onload=\"alert(1)\">")]
    [InlineData("<p style=\"background:url(javascript:alert(1))\">x</p>")]
    [InlineData("<base href=\"javascript:alert(1)//\"><a href=\"x\">x</a>")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">")]
    public void Sanitize_HostileMarkup_OutputHasNoActiveContent(string input)
    {
        var html = sanitizer.Sanitize(input, Base);
        var document = new HtmlParser().ParseDocument(html);

        Assert.Empty(document.QuerySelectorAll("script, iframe, object, embed, svg, math, meta, base, style"));
        Assert.All(document.All, e => Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.Ordinal) || a.Name == "style"));
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Sanitize_Output_ParsesBackToTheSameMarkup()
    {
        var html = sanitizer.Sanitize("<p>a <b>b <i>c</p> d</b> & < > \" '<table><td>cell", Base);
        var reparsed = sanitizer.Sanitize(html, Base);

        Assert.Equal(html, reparsed);
    }

    [Theory]
    [InlineData("wechat-article.html")]
    [InlineData("csdn-post.html")]
    [InlineData("weibo-post.html")]
    [InlineData("english-blog.html")]
    [InlineData("list-page.html")]
    public void Sanitize_FixturePage_OutputIsExactlyWhatAngleSharpSerialisesFromIt(string fixture)
    {
        var html = sanitizer.Sanitize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Extraction", "testdata", fixture)), Base);

        Assert.Equal(html, new HtmlParser().ParseDocument(html).Body!.InnerHtml);
    }

    [Fact]
    public void Sanitize_EscapesTextAndAttributesLikeAngleSharp()
    {
        var html = sanitizer.Sanitize("<p title=\"x\">a &amp; b &lt;c&gt; \"d\" 'e'&nbsp;f</p><a href=\"https://e.example/?a=1&amp;b=&quot;2&quot;\" title='say \"hi\" &amp; <bye>'>l</a>", Base);

        Assert.Equal(html, new HtmlParser().ParseDocument(html).Body!.InnerHtml);
        Assert.Contains("a &amp; b &lt;c&gt; \"d\" 'e'&nbsp;f", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_DeepNesting_CapsOutputDepthAndKeepsText()
    {
        var html = string.Concat(Enumerable.Repeat("<blockquote>", 5_000)) + "deep text";

        var sanitized = sanitizer.Sanitize(html, Base);

        Assert.Contains("deep text", sanitized, StringComparison.Ordinal);
        Assert.True(CountOccurrences(sanitized, "<blockquote>") <= HtmlSanitizer.MaxOutputDepth);
    }

    [Fact]
    public void Sanitize_RelativeLinkWithoutBase_StaysRelative()
    {
        Assert.Equal("<a href=\"./papers/a.pdf\" rel=\"noopener noreferrer\">pdf</a>", sanitizer.Sanitize("<a href='./papers/a.pdf'>pdf</a>", null));
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
