using Aggregator.AzureStorage.Tables;

namespace Aggregator.AzureStorage.Tests.Tables;

public sealed class TableQueryFilterTests
{
    [Fact]
    public void CreateQueryFilter_String_IsQuotedWithQuotesDoubled()
    {
        var title = "O'Brien' or PartitionKey ne '";

        var filter = TableClient.CreateQueryFilter($"Title eq {title}");

        Assert.Equal("Title eq 'O''Brien'' or PartitionKey ne '''", filter);
    }

    [Fact]
    public void CreateQueryFilter_TypedValues_AreRenderedAsODataLiterals()
    {
        var when = new DateTimeOffset(2025, 3, 4, 13, 14, 15, 678, TimeSpan.FromHours(8));
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        var filter = TableClient.CreateQueryFilter(
            $"A eq {when} and B eq {id} and C eq {123L} and D eq {7} and E eq {true} and F eq {2.5} and G eq {3.0} and H eq {new byte[] { 0x0A, 0xFF }}");

        Assert.Equal(
            "A eq datetime'2025-03-04T05:14:15.6780000Z' and B eq guid'0f8fad5b-d9cb-469f-a165-70867728950e' and C eq 123L"
            + " and D eq 7 and E eq true and F eq 2.5 and G eq 3.0 and H eq X'0aff'",
            filter);
    }

    [Fact]
    public void CreateQueryFilter_ChineseText_IsKeptVerbatimInsideQuotes()
    {
        Assert.Equal("Title eq '论文：“大模型”'", TableClient.CreateQueryFilter($"Title eq {"论文：“大模型”"}"));
    }

    [Fact]
    public void CreateQueryFilter_UnsupportedType_Throws()
    {
        Assert.Throws<ArgumentException>(() => TableClient.CreateQueryFilter($"A eq {new object()}"));
    }
}
