using System.Security.Cryptography;
using System.Text;

namespace Aggregator.AzureStorage.Connection;

/// <summary>
/// An account name and its decoded key, able to sign a Shared Key string-to-sign. Holds the key privately and never
/// renders it: <see cref="ToString"/> shows the account only.
/// </summary>
internal sealed class StorageAccountKey
{
    private readonly byte[] key;

    public StorageAccountKey(string accountName, string accountKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        ArgumentException.ThrowIfNullOrWhiteSpace(accountKey);
        AccountName = accountName;
        try
        {
            key = Convert.FromBase64String(accountKey);
        }
        catch (FormatException)
        {
            throw new ArgumentException("The storage account key is not valid base64.", nameof(accountKey));
        }
    }

    public string AccountName { get; }

    public string Sign(string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

    public override string ToString() => AccountName;
}
