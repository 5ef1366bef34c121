using System.Globalization;
using System.Text;

namespace Aggregator.AzureStorage.Tables;

/// <summary>Builds the OData query string ($filter, $top, $select, continuation) with every value escaped.</summary>
internal static class TableQueryString
{
    public static string Build(
        string? filter = null, int? top = null, IEnumerable<string>? select = null, string? nextPartitionKey = null, string? nextRowKey = null)
    {
        var query = new StringBuilder();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }
        }

        Add("$filter", filter);
        Add("$top", top?.ToString(CultureInfo.InvariantCulture));
        Add("$select", select is null ? null : string.Join(',', select));
        Add("NextPartitionKey", nextPartitionKey);
        Add("NextRowKey", nextRowKey);
        return query.ToString();
    }
}
