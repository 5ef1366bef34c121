using AngleSharp.Dom;

namespace Aggregator.Extraction;

/// <summary>Tree walks without recursion: markup depth is the author's choice, the call stack is ours.</summary>
internal static class DomWalk
{
    /// <summary>The element descendants of <paramref name="root"/> in document order (the root excluded).</summary>
    public static List<IElement> Descendants(INode root)
    {
        var result = new List<IElement>();
        var pending = new Stack<INode>();
        PushChildren(pending, root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node is IElement element)
            {
                result.Add(element);
                PushChildren(pending, element);
            }
        }

        return result;
    }

    private static void PushChildren(Stack<INode> pending, INode node)
    {
        // By index: AngleSharp finds a sibling by searching the parent's child list, which is quadratic over a long list.
        var children = node.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            if (children[i] is IElement child)
            {
                pending.Push(child);
            }
        }
    }

    /// <summary>True when <paramref name="node"/> lies inside <paramref name="ancestor"/> (or is it).</summary>
    public static bool IsInside(INode node, INode ancestor)
    {
        for (INode? current = node; current is not null; current = current.Parent)
        {
            if (ReferenceEquals(current, ancestor))
            {
                return true;
            }
        }

        return false;
    }
}
