using Aggregator.Cli.Terminal;
using Spectre.Console;

namespace Aggregator.Cli.Tests.Terminal;

public sealed class CellTextTests
{
    [Fact]
    public void Fit_ShortText_IsUnchanged()
    {
        Assert.Equal("arxiv", CellText.Fit("arxiv", 10));
    }

    [Fact]
    public void Fit_LongText_IsCutWithAnEllipsisToExactlyTheWidth()
    {
        var fitted = CellText.Fit("Weibo AI researcher digest", 10);

        Assert.Equal("Weibo AI …", fitted);
        Assert.Equal(10, fitted.GetCellWidth());
    }

    [Fact]
    public void Fit_WideCharacters_CountTwoCellsEach()
    {
        var fitted = CellText.Fit("偏好对齐论文清单", 7);

        Assert.Equal("偏好对…", fitted);
        Assert.True(fitted.GetCellWidth() <= 7);
    }

    [Fact]
    public void Fit_LineBreaks_BecomeSpaces()
    {
        Assert.Equal("Status: 403 (Forbidden) Content:", CellText.Fit("Status: 403 (Forbidden)\r\n\r\nContent:", 100));
    }
}
