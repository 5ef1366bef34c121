using System.Text;
using AngleSharp.Dom;

namespace Aggregator.Extraction;

/// <summary>
/// Blocks a page announces as boilerplate by their label: "相关文章", "推荐阅读", "动态列表"… head a list of other
/// posts (label and list go), "阅读原文" and its kind are buttons (only the label goes). Labels are matched on the
/// whole text of an element, letters and digits only, so "往期推荐 ▼" matches and a sentence mentioning 推荐阅读 does not.
/// </summary>
internal static class BoilerplateLabels
{
    private static readonly string[] ListHeadings =
    [
        "相关文章", "相关推荐", "推荐阅读", "热门文章", "猜你喜欢", "动态列表", "往期推荐", "往期回顾", "往期精选", "往期精彩",
        "往期文章", "更多阅读", "延伸阅读", "相关阅读", "精彩推荐", "热门推荐", "最新文章", "最新推荐", "热门阅读", "文章推荐",
        "relatedposts", "relatedarticles", "youmayalsolike", "youmightalsolike", "recommendedforyou", "popularposts",
        "recentposts", "readnext", "morestories",
    ];

    private static readonly HashSet<string> Buttons = new(StringComparer.Ordinal)
    {
        "阅读原文", "跳转微信打开", "微信扫一扫关注该公众号", "继续滑动看下一个", "预览时标签不可点", "微信扫一扫可打开此内容使用完整服务",
    };

    /// <summary>Removes labelled boilerplate under <paramref name="root"/>; returns how many blocks went.</summary>
    public static int Remove(IElement root)
    {
        var removed = 0;
        foreach (var text in TextNodes(root))
        {
            if (text.Parent is null || !DomWalk.IsInside(text, root))
            {
                continue; // already removed with an earlier block
            }

            var label = Normalize(text.Data);
            var isButton = Buttons.Contains(label);
            if (!isButton && !IsListHeading(label))
            {
                continue;
            }

            var block = LabelBlock(text, root, label);
            if (block is null)
            {
                continue;
            }

            if (!isButton)
            {
                removed += RemoveFollowingList(block, root);
            }

            block.Remove();
            removed++;
        }

        return removed;
    }

    internal static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static bool IsListHeading(string label) =>
        label.Length is > 0 and < 24 &&
        ListHeadings.Any(h => label.StartsWith(h, StringComparison.Ordinal) && label.Length <= h.Length + 4);

    /// <summary>The outermost element whose whole text is the label (below <paramref name="root"/>).</summary>
    private static IElement? LabelBlock(IText text, IElement root, string label)
    {
        IElement? block = null;
        for (var element = text.ParentElement; element is not null && !ReferenceEquals(element, root); element = element.ParentElement)
        {
            if (Normalize(element.TextContent) != label)
            {
                break;
            }

            block = element;
        }

        return block;
    }

    /// <summary>
    /// The list that follows a heading label: its first non-empty sibling whatever it is, then lists, tables and
    /// link-heavy blocks up to the next heading or prose. A label closing its container heads what follows the container.
    /// </summary>
    private static int RemoveFollowingList(IElement block, IElement root)
    {
        var anchor = block;
        while (FollowingSiblings(anchor).Count == 0 && anchor.ParentElement is { } parent && !ReferenceEquals(parent, root)
               && parent.LocalName is not ("body" or "html"))
        {
            anchor = parent;
        }

        var removed = 0;
        IElement? firstItem = null;
        foreach (var sibling in FollowingSiblings(anchor))
        {
            var stats = TextStatistics.Of(sibling)[sibling];
            var empty = stats.Chars == 0; // spacers, and the cover-image links WeChat puts under 往期推荐
            var listLike = sibling.LocalName is "ul" or "ol" or "dl" or "table" || stats.LinkDensity >= 0.5
                || (firstItem is not null && IsSameKind(sibling, firstItem));
            if (sibling.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" || !(empty || listLike || firstItem is null))
            {
                break;
            }

            if (!empty && firstItem is null)
            {
                firstItem = sibling;
            }

            sibling.Remove();
            removed++;
        }

        return removed;
    }

    /// <summary>The element siblings after <paramref name="element"/>, in order (a snapshot: safe to remove from).</summary>
    private static List<IElement> FollowingSiblings(IElement element)
    {
        var result = new List<IElement>();
        var seen = false;
        foreach (var sibling in element.ParentElement?.Children ?? Enumerable.Empty<IElement>())
        {
            if (seen)
            {
                result.Add(sibling);
            }

            seen |= ReferenceEquals(sibling, element);
        }

        return result;
    }

    // Items of one list share their markup ("<div class=\"more-item\">" after "<div class=\"more-item\">").
    // A bare <p> is prose, not a list item: only a shared class makes siblings one list.
    private static bool IsSameKind(IElement element, IElement item) =>
        element.LocalName == item.LocalName && !string.IsNullOrWhiteSpace(item.ClassName) && element.ClassName == item.ClassName;

    private static List<IText> TextNodes(IElement root)
    {
        var texts = new List<IText>();
        foreach (var element in DomWalk.Descendants(root))
        {
            foreach (var child in element.ChildNodes)
            {
                if (child is IText text && text.Data.Length < 64 && !string.IsNullOrWhiteSpace(text.Data))
                {
                    texts.Add(text);
                }
            }
        }

        return texts;
    }
}
