namespace Aggregator.Extraction;

/// <summary>One place that decides what a link really points at and which spelling of it is canonical.</summary>
public interface ILinkCanonicalizer
{
    /// <summary>Follows tracking redirectors whose target sits in a query parameter (weibo.cn/sinaurl?u=…).</summary>
    Uri Unwrap(Uri url);

    /// <summary>Unwraps, then lower-cases the host, drops the fragment and tracking parameters, and folds aliases of
    /// the same post (m.weibo.cn/status/ID and weibo.com/UID/ID).</summary>
    Uri Canonicalize(Uri url);
}
