using System.Text;
using Aggregator.Storage;

namespace Aggregator.Tests.Storage.Tables;

internal static class PostSamples
{
    public static Post Post(string id, DateTimeOffset firstSeen, string sourceId = "src", string title = "标题", string? summary = null, string text = "正文") => new()
    {
        Id = id,
        SourceId = sourceId,
        SourceName = sourceId + " name",
        Title = title,
        Link = $"https://example.org/{id}",
        Published = firstSeen.AddHours(-1),
        FirstSeen = firstSeen,
        ContentHtml = $"<p>{text}</p>",
        Text = text,
        Summary = summary,
        Summarizer = "extractive",
        Sources = [new PostSource(sourceId, sourceId + " name", $"https://example.org/{id}", firstSeen)],
        // Distinct posts get unrelated fingerprints, as distinct texts do: the store merges near-identical ones.
        Fingerprint = BitConverter.ToUInt64(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(id))) | 1,
    };

    /// <summary>Chinese prose with emoji and mixed scripts, about <paramref name="utf8Bytes"/> bytes of UTF-8.</summary>
    public static string ChineseArticle(int utf8Bytes)
    {
        const string paragraph = "上下文学习是大语言模型最重要的能力之一：给出几个示例，模型就能完成新任务 🤖，而不需要更新参数（In-Context Learning, ICL）。\n";
        var text = new StringBuilder();
        while (Encoding.UTF8.GetByteCount(text.ToString()) < utf8Bytes)
        {
            text.Append(paragraph).Append(text.Length).Append('\n');
        }

        return text.ToString();
    }
}
