using Aggregator.Dedupe;

namespace Aggregator.Tests.Dedupe;

public sealed class TextNormalizerTests
{
    [Fact]
    public void Normalize_FullWidthAndCase_FoldedToLowerHalfWidth()
    {
        Assert.Equal("gpt4模型", TextNormalizer.Normalize("ＧＰＴ－４ 模型"));
    }

    [Fact]
    public void Normalize_WhitespaceAndPunctuationIncludingChinese_Dropped()
    {
        Assert.Equal("我们证明越狱方法可以成功ok", TextNormalizer.Normalize("我们证明，越狱方法\n可以成功！“OK”……（）"));
    }

    [Fact]
    public void Normalize_UrlFollowedByChinese_KeepsTheChinese()
    {
        Assert.Equal("代码见接下来", TextNormalizer.Normalize("代码见 https://github.com/ovo67/Uni_ICL接下来"));
    }

    [Theory]
    [InlineData("本文转载自公众号：PaperWeekly\n正文内容")]
    [InlineData("转载自 机器之心\n正文内容")]
    [InlineData("正文内容\n原文链接：https://mp.weixin.qq.com/s/abc")]
    [InlineData("来源：机器之心\n正文内容")]
    [InlineData("版权声明：本文为博主原创文章，遵循 CC 4.0 BY-SA 版权协议\n正文内容")]
    [InlineData("Reposted from AI Research Digest\n正文内容")]
    [InlineData("正文内容\nOriginally published at https://example.dev on March 3.")]
    [InlineData("正文内容\n图片\n")]
    public void Normalize_RepostAndCopyrightLines_Dropped(string text)
    {
        Assert.Equal("正文内容", TextNormalizer.Normalize(text));
    }

    [Fact]
    public void Normalize_SourceWordInsideASentence_Kept()
    {
        Assert.Equal("数据来源是公开数据集", TextNormalizer.Normalize("数据来源是公开数据集。"));
    }

    [Theory]
    [InlineData("转发微博 //@爱可可-爱生活:【Flash STU】谱状态空间")]
    [InlineData("//@爱可可-爱生活：【Flash STU】谱状态空间")]
    [InlineData("转发 //@量子位: //@爱可可-爱生活:【Flash STU】谱状态空间")]
    public void Normalize_WeiboRepostChain_KeepsOnlyTheReposts(string text)
    {
        Assert.Equal("flashstu谱状态空间", TextNormalizer.Normalize(text));
    }

    [Fact]
    public void Normalize_ShortSignOffLinesAtTheEdges_Dropped()
    {
        var body = string.Concat(Enumerable.Repeat("上下文学习是指模型在提示中看到若干输入输出示例之后无需更新任何参数仅凭一次前向传播就能给出新输入的答案", 3));

        Assert.Equal(
            TextNormalizer.Normalize(body),
            TextNormalizer.Normalize("编辑：李华\n" + body + "\n欢迎关注我们的公众号。\nFollow us for daily paper picks."));
    }

    [Fact]
    public void Normalize_ShortLinesInsideTheBody_Kept()
    {
        var paragraph = "上下文学习是指模型在提示中看到若干输入输出示例之后无需更新任何参数仅凭一次前向传播就能给出新输入的答案";

        Assert.Contains("实验设置", TextNormalizer.Normalize(paragraph + "\n实验设置\n" + paragraph), StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_AllShortLines_AtMostAQuarterDropped()
    {
        var normalized = TextNormalizer.Normalize("第一行内容\n第二行内容\n第三行内容\n第四行内容\n第五行内容");

        Assert.Equal("第一行内容第二行内容第三行内容第四行内容", normalized);
    }

    [Fact]
    public void Normalize_Empty_Empty()
    {
        Assert.Equal("", TextNormalizer.Normalize(""));
        Assert.Equal("", TextNormalizer.Normalize(null));
    }
}
