using Aggregator.Extraction;

namespace Aggregator.Tests.Extraction;

public sealed class LinkCanonicalizerTests
{
    private readonly LinkCanonicalizer canonicalizer = new();

    [Theory]
    [InlineData("https://weibo.cn/sinaurl?u=https%3A%2F%2Farxiv.org%2Fabs%2F2501.00001", "https://arxiv.org/abs/2501.00001")]
    [InlineData("https://weibo.cn/sinaurl?toasturl=https%3A%2F%2Fgithub.com%2Fovo67%2FUni_ICL", "https://github.com/ovo67/Uni_ICL")]
    [InlineData("https://link.zhihu.com/?target=https%3A//openreview.net/forum%3Fid%3DiLUcsecZJp", "https://openreview.net/forum?id=iLUcsecZJp")]
    [InlineData("https://www.google.com/url?sa=t&q=https://arxiv.org/abs/2305.18290&ved=abc", "https://arxiv.org/abs/2305.18290")]
    [InlineData("https://www.google.com.hk/url?url=https%3A%2F%2Fexample.org%2Fpaper&rct=j", "https://example.org/paper")]
    [InlineData("https://www.jianshu.com/go-wild?ac=2&url=https%3A%2F%2Fexample.org%2Fa", "https://example.org/a")]
    [InlineData("https://link.csdn.net/?target=https%3A%2F%2Farxiv.org%2Fabs%2F2305.18290", "https://arxiv.org/abs/2305.18290")]
    [InlineData("https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.org%2Fpost&h=AT0x", "https://example.org/post")]
    [InlineData("https://out.reddit.com/t3_abc?url=https%3A%2F%2Fexample.org%2Fx&token=T", "https://example.org/x")]
    [InlineData("https://steamcommunity.com/linkfilter/?url=https://example.org/y", "https://example.org/y")]
    public void Unwrap_KnownRedirector_ReturnsTarget(string wrapped, string expected)
    {
        Assert.Equal(expected, canonicalizer.Unwrap(new Uri(wrapped)).AbsoluteUri);
    }

    [Fact]
    public void Unwrap_GenericRedirectPathWithAbsoluteUrl_ReturnsTarget()
    {
        var unwrapped = canonicalizer.Unwrap(new Uri("https://news.example.com/redirect?url=https%3A%2F%2Farxiv.org%2Fabs%2F2409.18025"));

        Assert.Equal("https://arxiv.org/abs/2409.18025", unwrapped.AbsoluteUri);
    }

    [Theory]
    [InlineData("https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fexample.org%2Fa")]
    [InlineData("https://login.example.com/oauth/authorize?redirect_uri=https%3A%2F%2Fexample.org%2Fcb")]
    [InlineData("https://example.com/search?url=https%3A%2F%2Fexample.org%2Fa")]
    [InlineData("https://weibo.cn/sinaurl?u=javascript%3Aalert(1)")]
    [InlineData("https://t.cn/A6abcdEF")]
    public void Unwrap_NotARedirectorOrNoHttpTarget_LeavesUrlAlone(string url)
    {
        Assert.Equal(new Uri(url), canonicalizer.Unwrap(new Uri(url)));
    }

    [Fact]
    public void Unwrap_WrappedTwice_FollowsBoth()
    {
        var inner = "https://link.zhihu.com/?target=" + Uri.EscapeDataString("https://arxiv.org/abs/2501.00001");
        var outer = "https://weibo.cn/sinaurl?u=" + Uri.EscapeDataString(inner);

        Assert.Equal("https://arxiv.org/abs/2501.00001", canonicalizer.Unwrap(new Uri(outer)).AbsoluteUri);
    }

    [Fact]
    public void Unwrap_WrappedBeyondTheLimit_StopsAfterTheLimit()
    {
        var url = "https://example.org/final";
        for (var i = 0; i < LinkCanonicalizer.MaxUnwrapDepth + 2; i++)
        {
            url = "https://weibo.cn/sinaurl?u=" + Uri.EscapeDataString(url);
        }

        var unwrapped = canonicalizer.Unwrap(new Uri(url));

        Assert.Equal("weibo.cn", unwrapped.Host);
    }

    [Fact]
    public void Unwrap_DoublyEncodedTarget_Decodes()
    {
        var wrapped = "https://link.zhihu.com/?target=https%253A%252F%252Fexample.org%252Fa";

        Assert.Equal("https://example.org/a", canonicalizer.Unwrap(new Uri(wrapped)).AbsoluteUri);
    }

    [Theory]
    [InlineData("HTTP://Example.ORG:80/Path?a=1#frag", "http://example.org/Path?a=1")]
    [InlineData("https://example.org:443/", "https://example.org/")]
    [InlineData("https://example.org:8443/x", "https://example.org:8443/x")]
    [InlineData("https://example.org/p?utm_source=rss&id=7&utm_medium=feed&spm=a.b&from=timeline", "https://example.org/p?id=7")]
    [InlineData("https://example.org/p?share_token=x&fbclid=y&gclid=z&mc_cid=1&mc_eid=2&ref=hn", "https://example.org/p")]
    [InlineData("https://example.org/p?b=2&a=1", "https://example.org/p?b=2&a=1")]
    public void Canonicalize_GenericRules_NormaliseSchemeHostPortFragmentAndTracking(string url, string expected)
    {
        Assert.Equal(expected, canonicalizer.Canonicalize(new Uri(url)).AbsoluteUri);
    }

    [Theory]
    [InlineData(
        "http://mp.weixin.qq.com/s?__biz=MzIwMTc4ODE0Mw==&mid=2247712345&idx=1&sn=0a1b2c&chksm=96ea1234&scene=21#wechat_redirect",
        "https://mp.weixin.qq.com/s?__biz=MzIwMTc4ODE0Mw==&mid=2247712345&idx=1&sn=0a1b2c")]
    [InlineData("https://mp.weixin.qq.com/s/Hx00q9ZlC1aYbW3kT7mPn?scene=1&click_id=5", "https://mp.weixin.qq.com/s/Hx00q9ZlC1aYbW3kT7mPn")]
    public void Canonicalize_WeChatArticle_KeepsOnlyTheArticleIdentity(string url, string expected)
    {
        Assert.Equal(expected, canonicalizer.Canonicalize(new Uri(url)).AbsoluteUri);
    }

    [Theory]
    [InlineData("https://m.weibo.cn/status/5160123456789012")]
    [InlineData("https://m.weibo.cn/detail/5160123456789012?sudaref=x")]
    [InlineData("https://weibo.com/1402400261/5160123456789012")]
    [InlineData("http://www.weibo.com/1402400261/5160123456789012#comment")]
    public void Canonicalize_WeiboPostForms_FoldIntoOne(string url)
    {
        Assert.Equal("https://m.weibo.cn/detail/5160123456789012", canonicalizer.Canonicalize(new Uri(url)).AbsoluteUri);
    }

    [Fact]
    public void Canonicalize_WeiboBase62Id_KeptAsGiven()
    {
        Assert.Equal("https://m.weibo.cn/detail/PmQx7AbCd", canonicalizer.Canonicalize(new Uri("https://weibo.com/1402400261/PmQx7AbCd")).AbsoluteUri);
    }

    [Theory]
    [InlineData("https://weibo.com/u/1402400261")]
    [InlineData("https://weibo.com/1402400261/followers")]
    public void Canonicalize_WeiboProfilePages_AreNotFolded(string url)
    {
        Assert.Equal("weibo.com", canonicalizer.Canonicalize(new Uri(url)).Host);
        Assert.DoesNotContain("/detail/", canonicalizer.Canonicalize(new Uri(url)).AbsolutePath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://export.arxiv.org/abs/2501.00001", "https://arxiv.org/abs/2501.00001")]
    [InlineData("https://www.arxiv.org/abs/2501.00001v2", "https://arxiv.org/abs/2501.00001v2")]
    [InlineData("https://arxiv.org/pdf/2305.18290v3.pdf", "https://arxiv.org/abs/2305.18290v3")]
    [InlineData("https://arxiv.org/pdf/2305.18290", "https://arxiv.org/abs/2305.18290")]
    [InlineData("https://arxiv.org/abs/cs/0112017", "https://arxiv.org/abs/cs/0112017")]
    [InlineData("https://arxiv.org/list/cs.LG/recent", "https://arxiv.org/list/cs.LG/recent")]
    public void Canonicalize_Arxiv_FoldsHostsAndPdfIntoAbs(string url, string expected)
    {
        Assert.Equal(expected, canonicalizer.Canonicalize(new Uri(url)).AbsoluteUri);
    }

    [Theory]
    [InlineData("http://github.com/ovo67/Uni_ICL", "https://github.com/ovo67/Uni_ICL")]
    [InlineData("http://www.github.com/ovo67/Uni_ICL", "https://github.com/ovo67/Uni_ICL")]
    [InlineData("http://openreview.net/forum?id=iLUcsecZJp", "https://openreview.net/forum?id=iLUcsecZJp")]
    [InlineData("http://zhuanlan.zhihu.com/p/123", "https://zhuanlan.zhihu.com/p/123")]
    [InlineData("http://blog.csdn.net/u/article/details/1", "https://blog.csdn.net/u/article/details/1")]
    [InlineData("http://example.org/a", "http://example.org/a")]
    public void Canonicalize_HttpsOnlyHosts_UpgradeScheme(string url, string expected)
    {
        Assert.Equal(expected, canonicalizer.Canonicalize(new Uri(url)).AbsoluteUri);
    }

    [Fact]
    public void Canonicalize_WrappedTrackedLink_UnwrapsThenCleans()
    {
        var wrapped = "https://weibo.cn/sinaurl?u=" + Uri.EscapeDataString("http://arxiv.org/abs/2501.00001?utm_source=weibo#x");

        Assert.Equal("https://arxiv.org/abs/2501.00001", canonicalizer.Canonicalize(new Uri(wrapped)).AbsoluteUri);
    }

    [Theory]
    [InlineData("mailto:someone@example.org")]
    [InlineData("/relative/path")]
    public void Canonicalize_NotAbsoluteHttp_ReturnsInputUnchanged(string url)
    {
        var uri = new Uri(url, UriKind.RelativeOrAbsolute);

        Assert.Same(uri, canonicalizer.Canonicalize(uri));
    }
}
