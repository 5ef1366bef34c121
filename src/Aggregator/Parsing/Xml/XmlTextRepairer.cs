using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Aggregator.Parsing.Xml;

/// <summary>
/// Repairs the faults that make real feeds ill-formed, so a second strict pass can read them: junk before the root,
/// control characters XML forbids, stray '&amp;', HTML entities XML does not know (&amp;nbsp;, &amp;mdash;, …), unclosed
/// HTML void elements (&lt;br&gt;), undeclared namespace prefixes, and a truncated final end tag. CDATA sections and
/// comments are copied untouched but for the control characters, which XML forbids there too. Each repair adds one warning.
/// </summary>
internal static partial class XmlTextRepairer
{
    public static string Repair(string text, List<string> warnings)
    {
        text = ForbiddenControlCharacters.Remove(text, out var controls);
        if (controls > 0)
        {
            warnings.Add($"Removed {controls} control characters that XML does not allow in a document.");
        }

        var start = StartOfMarkup(text);
        if (start > 0)
        {
            warnings.Add($"Skipped {start} characters of junk before the XML.");
        }

        var repaired = RepairEntities(text, start, warnings);
        repaired = DeclareMissingPrefixes(repaired, warnings);
        var trimmed = repaired.AsSpan().TrimEnd();
        if (trimmed.Length > 0 && trimmed[^1] != '>' && UnclosedFinalTag().IsMatch(repaired))
        {
            warnings.Add("The document ends in an unfinished end tag.");
            repaired = trimmed.ToString() + ">";
        }

        return repaired;
    }

    private static int StartOfMarkup(string text)
    {
        var declaration = text.IndexOf("<?xml", StringComparison.Ordinal);
        if (declaration >= 0 && declaration < 1024)
        {
            return declaration;
        }

        var lt = text.IndexOf('<');
        return lt < 0 ? 0 : lt;
    }

    private static string RepairEntities(string text, int start, List<string> warnings)
    {
        var builder = new StringBuilder(text.Length + 64);
        int stray = 0, html = 0;
        var i = start;
        while (i < text.Length)
        {
            var next = text.IndexOfAny(['&', '<'], i);
            if (next < 0)
            {
                builder.Append(text, i, text.Length - i);
                break;
            }

            builder.Append(text, i, next - i);
            i = next;
            if (text[i] == '<')
            {
                i = CopyVerbatimSection(text, i, builder);
                continue;
            }

            var semicolon = text.IndexOf(';', i + 1, Math.Min(34, text.Length - i - 1));
            var name = semicolon > i ? text.AsSpan(i + 1, semicolon - i - 1) : default;
            if (semicolon > i && (IsPredefined(name) || IsCharacterReference(name)))
            {
                builder.Append(text, i, semicolon - i + 1);
                i = semicolon + 1;
                continue;
            }

            if (semicolon > i && IsName(name) && WebUtility.HtmlDecode(text.Substring(i, semicolon - i + 1)) is { } decoded
                && decoded[0] != '&')
            {
                // The character itself, escaped if it is one XML reserves.
                builder.Append(decoded switch { "<" => "&lt;", ">" => "&gt;", _ => decoded });
                html++;
                i = semicolon + 1;
                continue;
            }

            builder.Append("&amp;");
            stray++;
            i++;
        }

        if (html > 0)
        {
            warnings.Add($"Replaced {html} HTML entities that XML does not define.");
        }

        if (stray > 0)
        {
            warnings.Add($"Escaped {stray} stray '&' characters.");
        }

        return builder.ToString();
    }

    /// <summary>Copies a tag, or a whole CDATA section or comment, whose '&amp;' must not be touched in the latter two.</summary>
    private static int CopyVerbatimSection(string text, int i, StringBuilder builder)
    {
        var terminator = text.AsSpan(i).StartsWith("<![CDATA[") ? "]]>" : text.AsSpan(i).StartsWith("<!--") ? "-->" : null;
        if (terminator is null)
        {
            return CopyTag(text, i, builder);
        }

        var end = text.IndexOf(terminator, i + 4, StringComparison.Ordinal);
        end = end < 0 ? text.Length : end + terminator.Length;
        builder.Append(text, i, end - i);
        return end;
    }

    /// <summary>
    /// Copies a tag; an HTML void element written without its slash ("&lt;br&gt;", "&lt;img src=…&gt;"), the commonest
    /// reason unescaped HTML breaks a feed, is closed so the markup nests.
    /// </summary>
    private static int CopyTag(string text, int i, StringBuilder builder)
    {
        var nameEnd = i + 1;
        while (nameEnd < text.Length && char.IsAsciiLetterOrDigit(text[nameEnd]))
        {
            nameEnd++;
        }

        var end = nameEnd > i + 1 && IsVoidElement(text.AsSpan(i + 1, nameEnd - i - 1)) ? text.IndexOf('>', nameEnd) : -1;
        if (end < 0 || text[end - 1] == '/')
        {
            builder.Append('<');
            return i + 1;
        }

        builder.Append(text, i, end - i).Append("/>");
        return end + 1;
    }

    private static bool IsVoidElement(ReadOnlySpan<char> name) =>
        name.Equals("br", StringComparison.OrdinalIgnoreCase) || name.Equals("hr", StringComparison.OrdinalIgnoreCase)
        || name.Equals("img", StringComparison.OrdinalIgnoreCase) || name.Equals("wbr", StringComparison.OrdinalIgnoreCase)
        || name.Equals("input", StringComparison.OrdinalIgnoreCase) || name.Equals("source", StringComparison.OrdinalIgnoreCase)
        || name.Equals("embed", StringComparison.OrdinalIgnoreCase) || name.Equals("area", StringComparison.OrdinalIgnoreCase);

    private static bool IsPredefined(ReadOnlySpan<char> name) =>
        name is "amp" or "lt" or "gt" or "quot" or "apos";

    private static bool IsCharacterReference(ReadOnlySpan<char> name)
    {
        if (name.Length < 2 || name[0] != '#')
        {
            return false;
        }

        return name[1] is 'x' or 'X'
            ? name.Length > 2 && !name[2..].ContainsAnyExcept("0123456789abcdefABCDEF")
            : !name[1..].ContainsAnyExceptInRange('0', '9');
    }

    private static bool IsName(ReadOnlySpan<char> name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && !name.ContainsAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    private static string DeclareMissingPrefixes(string text, List<string> warnings)
    {
        var root = RootStartTag().Match(text);
        if (!root.Success)
        {
            return text;
        }

        var missing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match use in PrefixedName().Matches(text))
        {
            var prefix = use.Groups[1].Value;
            if (prefix is not ("xml" or "xmlns") && !text.Contains("xmlns:" + prefix + "=", StringComparison.Ordinal))
            {
                missing.Add(prefix);
            }
        }

        if (missing.Count == 0)
        {
            return text;
        }

        warnings.Add($"Declared namespace prefixes the feed uses without declaring: {string.Join(", ", missing)}.");
        var declarations = string.Concat(missing.Select(prefix =>
            $" xmlns:{prefix}=\"{(XmlNames.WellKnownPrefixes.TryGetValue(prefix, out var uri) ? uri : "urn:undeclared:" + prefix)}\""));
        var insertAt = root.Index + root.Groups[1].Length + 1;
        return text.Insert(insertAt, declarations);
    }

    [GeneratedRegex("""<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)[\s/>]""", RegexOptions.CultureInvariant)]
    private static partial Regex RootStartTag();

    [GeneratedRegex("""(?:</?|\s)([A-Za-z_][\w.-]*):[A-Za-z_][\w.-]*(?:[\s/>]|\s*=\s*["'])""", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixedName();

    [GeneratedRegex("""</[A-Za-z_][\w.:-]*\s*$""", RegexOptions.CultureInvariant)]
    private static partial Regex UnclosedFinalTag();
}
