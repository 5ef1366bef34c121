using System.Text.RegularExpressions;

namespace Aggregator.Parsing.Text;

/// <summary>
/// Authors as feedparser shows them: "Name (email)" when both are known, else whichever is. RSS writes
/// "email (Name)", Dublin Core often "Name (email)" or "Name &lt;email&gt;"; all end up the same way.
/// </summary>
internal static partial class AuthorNames
{
    public static string? Format(string? name, string? email)
    {
        name = PlainText.FromHtml(name);
        email = email?.Trim();
        return (string.IsNullOrEmpty(name), string.IsNullOrEmpty(email)) switch
        {
            (false, false) => $"{name} ({email})",
            (false, true) => name,
            (true, false) => email,
            _ => null,
        };
    }

    public static string? FromFreeText(string? text)
    {
        // Decode first but do not strip tags yet: "Name <email>" would lose the address.
        var plain = PlainText.Collapse(text is null ? null : System.Net.WebUtility.HtmlDecode(text));
        if (string.IsNullOrEmpty(plain))
        {
            return null;
        }

        var email = Email().Match(plain);
        if (!email.Success)
        {
            return PlainText.FromHtml(plain);
        }

        var name = plain.Remove(email.Index, email.Length).Replace("mailto:", string.Empty, StringComparison.OrdinalIgnoreCase)
            .Trim().Trim('(', ')', '<', '>', '[', ']').Trim();
        return Format(name, email.Value);
    }

    /// <summary>Splits a formatted author back into name and email (for reports and conformance).</summary>
    public static (string? Name, string? Email) Split(string author)
    {
        var m = FormattedAuthor().Match(author);
        if (m.Success)
        {
            return (m.Groups[1].Value, m.Groups[2].Value);
        }

        return Email().IsMatch(author) && !author.Contains(' ', StringComparison.Ordinal) ? (null, author) : (author, null);
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"^(.*\S)\s+\(([^()\s]+@[^()\s]+)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex FormattedAuthor();
}
