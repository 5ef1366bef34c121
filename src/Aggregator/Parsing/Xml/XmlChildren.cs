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
}
