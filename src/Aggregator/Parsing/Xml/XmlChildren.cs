using System.Xml;

namespace Aggregator.Parsing.Xml;

/// <summary>
/// Walks the child elements of the element the reader is on: <c>var depth = Enter(reader); while (Next(reader, depth))
/// { handle or Skip }</c>. Each handler must consume its whole element; Next consumes the parent's end tag.
/// </summary>
internal static class XmlChildren
{
    public const int Empty = -1;

    public static int Enter(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return Empty;
        }

        var depth = reader.Depth;
        reader.Read();
        return depth;
    }

    [ThreadStatic]
    private static (int Reader, int Line, int Position) lastReturned;

    public static bool Next(XmlReader reader, int depth)
    {
        if (depth == Empty)
        {
            return false;
        }

        while (true)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.Depth == depth + 1:
                    if (!MadeProgress(reader))
                    {
                        // A handler left its element unread; skipping it keeps a parser bug from becoming a hang.
                        reader.Skip();
                        continue;
                    }

                    return true;
                case XmlNodeType.EndElement when reader.Depth == depth:
                    reader.Read();
                    return false;
                case XmlNodeType.None when reader.EOF:
                    throw new XmlException("The document ended before its elements were closed.");
            }

            if (!reader.Read() && reader.EOF)
            {
                throw new XmlException("The document ended before its elements were closed.");
            }
        }
    }

    private static bool MadeProgress(XmlReader reader)
    {
        if (reader is not IXmlLineInfo info || !info.HasLineInfo())
        {
            return true;
        }

        // The reader's identity, not the reader: a static must not keep a finished reader's buffers alive.
        var current = (System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(reader), info.LineNumber, info.LinePosition);
        if (lastReturned == current)
        {
            return false;
        }

        lastReturned = current;
        return true;
    }
}
