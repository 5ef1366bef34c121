using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Aggregator.Azurite;

namespace Aggregator.Tests.Storage.Tables;

/// <summary>
/// Replays write requests recorded from the previous release's table client byte for byte, signed with Azurite's
/// development key (SharedKeyLite), so a test sees exactly what that client left in a store. See testdata/previous-release.
/// </summary>
internal static class PreviousReleaseRequests
{
    private const string RecordedPrefix = "prevrel";

    /// <summary>Sends every recorded request with the table prefix renamed; returns how many were sent.</summary>
    public static async Task<int> ReplayAsync(Uri tableEndpoint, string tablePrefix)
    {
        if (tablePrefix.Length != RecordedPrefix.Length)
        {
            // Same length, so nothing inside a batch body changes size but the host part of its inner request lines.
            throw new ArgumentException($"The prefix must have {RecordedPrefix.Length} characters.", nameof(tablePrefix));
        }

        var endpoint = tableEndpoint.GetLeftPart(UriPartial.Authority)["http://".Length..];
        using var http = new HttpClient();
        var sent = 0;
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Storage", "Tables", "testdata", "previous-release", "requests.jsonl")))
        {
            using var recorded = JsonDocument.Parse(line);
            var root = recorded.RootElement;
            // Only table names are renamed: the same word inside stored values (file paths) is data and stays.
            string Rewrite(string text) => text.Replace("{endpoint}", endpoint, StringComparison.Ordinal)
                .Replace($"/{AzuriteProcess.DevelopmentAccountName}/{RecordedPrefix}", $"/{AzuriteProcess.DevelopmentAccountName}/{tablePrefix}", StringComparison.Ordinal)
                .Replace($"\"TableName\":\"{RecordedPrefix}", $"\"TableName\":\"{tablePrefix}", StringComparison.Ordinal);

            var uri = new Uri(Rewrite(root.GetProperty("uri").GetString()!));
            using var request = new HttpRequestMessage(new HttpMethod(root.GetProperty("method").GetString()!), uri);
            string? contentType = null;
            foreach (var header in root.GetProperty("headers").EnumerateObject())
            {
                if (header.Name == "Content-Type")
                {
                    contentType = Rewrite(header.Value.GetString()!);
                }
                else if (header.Name == "If-Match")
                {
                    // The recorded ETag named a version of the recording's run; the write succeeded then, so it applies now.
                    request.Headers.TryAddWithoutValidation("If-Match", "*");
                }
                else
                {
                    request.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString());
                }
            }

            if (root.GetProperty("body").GetString() is { } body)
            {
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Rewrite(body)));
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType!);
            }

            Sign(request);
            using var response = await http.SendAsync(request).ConfigureAwait(false);
            var expected = root.GetProperty("status").GetInt32();
            if ((int)response.StatusCode != expected)
            {
                throw new InvalidOperationException(
                    $"{request.Method} {uri} answered {(int)response.StatusCode}, the previous release saw {expected}: "
                    + await response.Content.ReadAsStringAsync().ConfigureAwait(false));
            }

            sent++;
        }

        return sent;
    }

    // Table service SharedKeyLite: HMAC-SHA256 over "date\n/account/path"; the emulator's path starts with the account.
    private static void Sign(HttpRequestMessage request)
    {
        var date = DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture);
        request.Headers.TryAddWithoutValidation("x-ms-date", date);
        request.Headers.TryAddWithoutValidation("x-ms-version", "2019-02-02");
        var stringToSign = $"{date}\n/{AzuriteProcess.DevelopmentAccountName}{request.RequestUri!.AbsolutePath}";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(
            Convert.FromBase64String(AzuriteProcess.DevelopmentAccountKey), Encoding.UTF8.GetBytes(stringToSign)));
        request.Headers.TryAddWithoutValidation("Authorization", $"SharedKeyLite {AzuriteProcess.DevelopmentAccountName}:{signature}");
    }
}
