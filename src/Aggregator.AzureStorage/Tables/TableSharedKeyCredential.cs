using Aggregator.AzureStorage.Connection;

namespace Aggregator.AzureStorage.Tables;

/// <summary>An account name and key for Shared Key authorization. The key is never exposed or rendered.</summary>
public sealed class TableSharedKeyCredential
{
    public TableSharedKeyCredential(string accountName, string accountKey)
    {
        Key = new StorageAccountKey(accountName, accountKey);
    }

    public string AccountName => Key.AccountName;

    internal StorageAccountKey Key { get; }

    public override string ToString() => AccountName;
}
