using Aggregator.Dedupe;

namespace Aggregator.Tests.Dedupe;

public sealed class PostIdentityTests
{
    [Fact]
    public void ComputeId_IsThirtyTwoLowerHexCharacters()
    {
        var id = PostIdentity.ComputeId("https://example.org/p/1", null, "t", "x");

        Assert.Matches("^[0-9a-f]{32}$", id);
    }

    [Fact]
    public void ComputeId_UrlGuid_WinsOverCanonicalUrl()
    {
        var a = PostIdentity.ComputeId("https://example.org/?p=17", "https://example.org/one", "t", "x");
        var b = PostIdentity.ComputeId("https://example.org/?p=17", "https://example.org/two", "other", "y");

        Assert.Equal(a, b);
    }

    [Fact]
    public void ComputeId_ShortBareGuid_IsAmbiguousSoCanonicalUrlDecides()
    {
        // Feeds A and B both number their items from 1: the guid alone must not make them one post.
        var a = PostIdentity.ComputeId("17", "https://a.example/17", "t", "x");
        var b = PostIdentity.ComputeId("17", "https://b.example/17", "t", "x");

        Assert.NotEqual(a, b);
        Assert.Equal(PostIdentity.ComputeId(null, "https://a.example/17", "t", "x"), a);
    }

    [Theory]
    [InlineData("tag:example.org,2025:post-17")]
    [InlineData("urn:uuid:0b4c1d9e-7a8f-4d2b-9c1e-2f3a4b5c6d7e")]
    [InlineData("0b4c1d9e7a8f4d2b9c1e")]
    public void ComputeId_GloballyUniqueGuid_IgnoresUrlAndText(string guid)
    {
        Assert.Equal(
            PostIdentity.ComputeId(guid, "https://a.example/x", "t", "x"),
            PostIdentity.ComputeId(guid, null, "other", "text"));
    }

    [Fact]
    public void ComputeId_NoGuidNoUrl_UsesTitleAndText()
    {
        var a = PostIdentity.ComputeId(null, null, "标题", "正文");

        Assert.Equal(a, PostIdentity.ComputeId("", " ", "标题", "正文"));
        Assert.NotEqual(a, PostIdentity.ComputeId(null, null, "标题", "改过的正文"));
    }

    [Fact]
    public void ComputeId_GuidAndUrlWithSameSpelling_DifferentIds()
    {
        // A guid "https://x/1" on one feed and a guid-less item linking https://x/1 are still hashed as different kinds.
        var fromGuid = PostIdentity.ComputeId("https://example.org/1", null, "t", "x");
        var fromUrl = PostIdentity.ComputeId(null, "https://example.org/1", "t", "x");

        Assert.NotEqual(fromGuid, fromUrl);
    }

    [Fact]
    public void IdentityKeys_UrlKeyIsSharedAcrossSourcesGuidKeyIsNot()
    {
        var a = PostIdentity.IdentityKeys("weibo-aikeke", "17", "https://arxiv.org/abs/2409.10489");
        var b = PostIdentity.IdentityKeys("rsshub-mirror", "17", "https://arxiv.org/abs/2409.10489");

        Assert.Equal(2, a.Count);
        Assert.Single(a.Intersect(b));
        Assert.StartsWith("url:", a.Intersect(b).Single());
        Assert.Contains(a, k => k.StartsWith("guid:weibo-aikeke:", StringComparison.Ordinal));
        Assert.All(a.Concat(b), k => Assert.Matches("^(url:|guid:[a-z-]+:)[0-9a-f]{32}$", k));
    }

    [Fact]
    public void IdentityKeys_NothingKnown_NoKeys()
    {
        Assert.Empty(PostIdentity.IdentityKeys("src", null, " "));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a#b")]
    [InlineData("a:b")]
    [InlineData(" ")]
    public void IdentityKeys_SourceIdUnfitForAKey_Throws(string sourceId)
    {
        Assert.ThrowsAny<ArgumentException>(() => PostIdentity.IdentityKeys(sourceId, "g", null));
    }
}
