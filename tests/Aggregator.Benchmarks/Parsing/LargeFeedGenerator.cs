using System.Globalization;
using System.Text;

namespace Aggregator.Benchmarks.Parsing;

/// <summary>
/// Builds real-sized feeds in memory: 2,000 items of mixed Chinese/English HTML in content:encoded (RSS) or Atom
/// content, about 13–14 MB each — the size of a busy RSSHub or arXiv listing with full text.
/// </summary>
internal static class LargeFeedGenerator
{
    private const string ChineseParagraph =
        "<p>本文提出了一种新的直接偏好优化（DPO）方法，用于缓解大语言模型在人类反馈强化学习阶段的长度偏置问题。" +
        "我们在多个基准上进行了实验，结果表明该方法在保持回答质量的同时显著降低了冗长程度。" +
        "论文链接：<a href=\"https://weibo.cn/sinaurl?u=https%3A%2F%2Farxiv.org%2Fabs%2F2409.06411\">网页链接</a>，代码已开源。</p>";

    private const string EnglishParagraph =
        "<p>Large language models are finetuned to refuse questions about hazardous knowledge, but these protections " +
        "can often be bypassed. Unlearning methods aim at completely removing hazardous capabilities from models and " +
        "make them inaccessible to adversaries &amp; we study them from an adversarial perspective. See " +
        "<a href=\"https://arxiv.org/abs/2409.18025\">arXiv:2409.18025</a> and <em>Table 2</em>.</p>";

    public static byte[] Rss(int items = 2000, int paragraphsPerItem = 13)
    {
        var builder = new StringBuilder(14 * 1024 * 1024);
        builder.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n")
            .Append("<title>论文速递 - Paper digest</title><link>https://example.org/</link><description>Daily papers</description><language>zh-cn</language><ttl>60</ttl>\n");
        for (var i = 0; i < items; i++)
        {
            builder.Append("<item><title><![CDATA[【第").Append(i).Append("篇】Length Desensitization in Directed Preference Optimization &amp; 长度偏置]]></title>")
                .Append("<link>https://example.org/posts/").Append(i).Append("</link>")
                .Append("<guid isPermaLink=\"false\">https://example.org/posts/").Append(i).Append("</guid>")
                .Append("<pubDate>").Append(Date(i).ToString("r", CultureInfo.InvariantCulture)).Append("</pubDate>")
                .Append("<dc:creator>爱可可-爱生活</dc:creator><category>机器学习</category><category>LLM</category>")
                .Append("<description><![CDATA[").Append(ChineseParagraph).Append("]]></description><content:encoded><![CDATA[");
            AppendBody(builder, paragraphsPerItem);
            builder.Append("]]></content:encoded></item>\n");
        }

        return Encoding.UTF8.GetBytes(builder.Append("</channel>\n</rss>\n").ToString());
    }

    public static byte[] Atom(int items = 2000, int paragraphsPerItem = 13)
    {
        var builder = new StringBuilder(14 * 1024 * 1024);
        builder.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"https://example.org/\" xml:lang=\"zh-CN\">\n")
            .Append("<title>论文速递 - Paper digest</title><link rel=\"alternate\" href=\"./\"/><updated>2025-04-23T00:00:00Z</updated><id>urn:example:feed</id>\n");
        for (var i = 0; i < items; i++)
        {
            builder.Append("<entry><title type=\"html\">【第").Append(i).Append("篇】Length Desensitization &amp;lt;b&amp;gt;DPO&amp;lt;/b&amp;gt; 长度偏置</title>")
                .Append("<link rel=\"alternate\" type=\"text/html\" href=\"posts/").Append(i).Append("\"/>")
                .Append("<link rel=\"enclosure\" type=\"application/pdf\" length=\"812345\" href=\"pdf/").Append(i).Append(".pdf\"/>")
                .Append("<id>urn:example:post:").Append(i).Append("</id>")
                .Append("<published>").Append(Date(i).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)).Append("</published>")
                .Append("<updated>").Append(Date(i).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)).Append("</updated>")
                .Append("<author><name>Jakub Łucki</name><email>j@example.org</email></author><author><name>Boyi Wei</name></author>")
                .Append("<category term=\"cs.LG\"/><summary type=\"text\">Unlearning methods can be bypassed &amp; recovered.</summary><content type=\"html\"><![CDATA[");
            AppendBody(builder, paragraphsPerItem);
            builder.Append("]]></content></entry>\n");
        }

        return Encoding.UTF8.GetBytes(builder.Append("</feed>\n").ToString());
    }

    private static void AppendBody(StringBuilder builder, int paragraphs)
    {
        for (var p = 0; p < paragraphs; p++)
        {
            builder.Append(p % 2 == 0 ? ChineseParagraph : EnglishParagraph);
        }
    }

    private static DateTimeOffset Date(int i) => new DateTimeOffset(2025, 4, 23, 13, 11, 17, TimeSpan.FromHours(8)).AddMinutes(-i);
}
