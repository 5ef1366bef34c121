using System.Globalization;
using System.Security;
using System.Text;

namespace Aggregator.Testing.Metadata;

/// <summary>
/// Writes what export.arxiv.org/api/query answers, modelled on the API's documentation: an Atom feed with the
/// opensearch counts, entries with versioned abs ids, titles and abstracts wrapped over indented lines, authors,
/// pdf links, <c>arxiv:primary_category</c>; and the "Error" entry arXiv sends for a malformed id.
/// </summary>
public static class ArxivAtomWriter
{
    public static string Feed(string query, int totalResults, int start, IReadOnlyList<FakeArxivPaper> entries)
    {
        var xml = new StringBuilder();
        xml.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.Append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        xml.Append("  <link href=\"http://arxiv.org/api/query?").Append(Escape(query)).Append("\" rel=\"self\" type=\"application/atom+xml\"/>\n");
        xml.Append("  <title type=\"html\">ArXiv Query: ").Append(Escape(query)).Append("</title>\n");
        xml.Append("  <id>http://arxiv.org/api/fake</id>\n");
        xml.Append("  <updated>2025-01-01T00:00:00-05:00</updated>\n");
        xml.Append(CultureInfo.InvariantCulture, $"  <opensearch:totalResults xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\">{totalResults}</opensearch:totalResults>\n");
        xml.Append(CultureInfo.InvariantCulture, $"  <opensearch:startIndex xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\">{start}</opensearch:startIndex>\n");
        xml.Append(CultureInfo.InvariantCulture, $"  <opensearch:itemsPerPage xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\">{entries.Count}</opensearch:itemsPerPage>\n");
        foreach (var paper in entries)
        {
            Entry(xml, paper);
        }

        xml.Append("</feed>\n");
        return xml.ToString();
    }

    /// <summary>arXiv's answer to a malformed id in id_list: one entry titled "Error".</summary>
    public static string Error(string query, string message) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        + "  <link href=\"http://arxiv.org/api/query?" + Escape(query) + "\" rel=\"self\" type=\"application/atom+xml\"/>\n"
        + "  <title type=\"html\">ArXiv Query: " + Escape(query) + "</title>\n  <id>http://arxiv.org/api/fake</id>\n"
        + "  <updated>2025-01-01T00:00:00-05:00</updated>\n"
        + "  <opensearch:totalResults xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\">1</opensearch:totalResults>\n"
        + "  <entry>\n    <id>http://arxiv.org/api/errors#" + Escape(message.Replace(' ', '_')) + "</id>\n    <title>Error</title>\n"
        + "    <summary>" + Escape(message) + "</summary>\n    <updated>2025-01-01T00:00:00-05:00</updated>\n"
        + "    <link href=\"http://arxiv.org/api/errors\" rel=\"alternate\" type=\"text/html\"/>\n    <author>\n      <name>arXiv api core</name>\n    </author>\n"
        + "  </entry>\n</feed>\n";

    private static void Entry(StringBuilder xml, FakeArxivPaper paper)
    {
        var published = (paper.Published ?? new DateTimeOffset(2024, 5, 29, 17, 57, 46, TimeSpan.Zero)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var versioned = $"{paper.Id}v{paper.Version}";
        xml.Append("  <entry>\n");
        xml.Append("    <id>http://arxiv.org/abs/").Append(versioned).Append("</id>\n");
        xml.Append("    <updated>").Append(published).Append("</updated>\n");
        xml.Append("    <published>").Append(published).Append("</published>\n");
        xml.Append("    <title>").Append(Wrap(Escape(paper.Title))).Append("</title>\n");
        xml.Append("    <summary>  ").Append(Wrap(Escape(paper.Abstract))).Append("\n</summary>\n");
        foreach (var author in paper.Authors)
        {
            xml.Append("    <author>\n      <name>").Append(Escape(author)).Append("</name>\n    </author>\n");
        }

        xml.Append("    <arxiv:comment xmlns:arxiv=\"http://arxiv.org/schemas/atom\">10 pages</arxiv:comment>\n");
        xml.Append("    <link href=\"http://arxiv.org/abs/").Append(versioned).Append("\" rel=\"alternate\" type=\"text/html\"/>\n");
        xml.Append("    <link title=\"pdf\" href=\"http://arxiv.org/pdf/").Append(versioned).Append("\" rel=\"related\" type=\"application/pdf\"/>\n");
        xml.Append("    <arxiv:primary_category xmlns:arxiv=\"http://arxiv.org/schemas/atom\" term=\"").Append(paper.PrimaryCategory).Append("\" scheme=\"http://arxiv.org/schemas/atom\"/>\n");
        xml.Append("    <category term=\"").Append(paper.PrimaryCategory).Append("\" scheme=\"http://arxiv.org/schemas/atom\"/>\n");
        xml.Append("  </entry>\n");
    }

    /// <summary>arXiv breaks long titles and abstracts at about 80 columns and indents the next line by two spaces.</summary>
    private static string Wrap(string text)
    {
        var lines = new StringBuilder();
        var column = 0;
        foreach (var word in text.Split(' '))
        {
            if (column > 0 && column + word.Length > 76)
            {
                lines.Append("\n  ");
                column = 0;
            }
            else if (column > 0)
            {
                lines.Append(' ');
            }

            lines.Append(word);
            column += word.Length + 1;
        }

        return lines.ToString();
    }

    private static string Escape(string text) => SecurityElement.Escape(text);
}
