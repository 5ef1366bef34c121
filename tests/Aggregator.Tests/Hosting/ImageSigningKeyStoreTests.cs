using System.Text;
using Aggregator.Azurite;
using Aggregator.Hosting;
using Aggregator.Publishing.Images;
using Aggregator.Storage.Tables;
using Aggregator.Testing.Azurite;
using Aggregator.Testing.Logging;
using Aggregator.Testing.Metadata;
using Aggregator.Testing.Paths;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aggregator.Tests.Hosting;

/// <summary>
/// Without IMAGE_PROXY_SIGNING_KEY the app generates a key once and keeps it in the meta table, so proxied image URLs
/// survive restarts and agree across instances; the key itself never leaves storage and the signer.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class ImageSigningKeyStoreTests(AzuriteFixture azurite)
{
    private const string ImageUrl = "https://wx1.sinaimg.cn/large/figure.jpg";

    [Fact]
    public async Task NoConfiguredKey_TwoAppsOverOneStore_SignTheSameUrlIdentically()
    {
        var prefix = NewPrefix();
        string first, second;
        await using (var app = App(prefix))
        {
            first = app.GetRequiredService<ImageUrlSigner>().Sign(ImageUrl);
            Assert.True(app.GetRequiredService<IOptions<ImageProxyOptions>>().Value.IsActive);
        }

        await using (var restarted = App(prefix))
        {
            second = restarted.GetRequiredService<ImageUrlSigner>().Sign(ImageUrl);
        }

        Assert.Equal(first, second);
        await using var otherStore = App(NewPrefix());
        Assert.NotEqual(first, otherStore.GetRequiredService<ImageUrlSigner>().Sign(ImageUrl));
    }

    [Fact]
    public async Task NoConfiguredKey_StoresThirtyTwoRandomBytesInTheMetaTable()
    {
        var prefix = NewPrefix();
        await using var app = App(prefix);

        var key = app.GetRequiredService<IOptions<ImageProxyOptions>>().Value.SigningKey;

        var row = await new TableServiceClient(azurite.ConnectionString).GetTableClient(new TableNames(prefix).Meta)
            .GetEntityAsync<TableEntity>("settings", "image-proxy-signing-key");
        Assert.Equal(key, row.Value.GetString("Key"));
        Assert.Equal(32, Convert.FromBase64String(key!).Length);
    }

    [Fact]
    public async Task TwoInstancesRacing_AgreeOnOneKey()
    {
        var prefix = NewPrefix();
        await using var a = App(prefix);
        await using var b = App(prefix);
        var tables = a.GetRequiredService<AggregatorTables>();
        await tables.EnsureCreatedAsync();

        var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? a : b).GetRequiredService<ImageSigningKeyStore>().GetOrCreateAsync()));

        Assert.Single(keys.Distinct(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ConfiguredKey_Wins_AndNothingIsStored()
    {
        var prefix = NewPrefix();
        await using var app = App(prefix, new Dictionary<string, string?> { [SettingNames.ImageProxySigningKey] = "configured-key" });

        Assert.Equal("configured-key", app.GetRequiredService<IOptions<ImageProxyOptions>>().Value.SigningKey);

        var meta = new TableServiceClient(azurite.ConnectionString).GetTableClient(new TableNames(prefix).Meta);
        await meta.CreateIfNotExistsAsync();
        Assert.False((await meta.GetEntityIfExistsAsync<TableEntity>("settings", "image-proxy-signing-key")).HasValue);
    }

    [Fact]
    public async Task GeneratedKey_NeverAppearsInLogsFeedsOrErrors()
    {
        var logs = new LogRecorder();
        await using var app = App(NewPrefix(), logs: logs);
        var key = app.GetRequiredService<IOptions<ImageProxyOptions>>().Value.SigningKey!;

        var html = app.GetRequiredService<ImageUrlRewriter>().Rewrite($"<p><img src=\"{ImageUrl}\"></p>", "https://agg.example");
        var tampered = await ProxyAsync(app, $"url={Uri.EscapeDataString(ImageUrl)}&sig=AAAAAAAAAAAAAAAAAAAAAA");
        var unsigned = await ProxyAsync(app, $"url={Uri.EscapeDataString(ImageUrl)}");
        var internalUrl = "http://169.254.169.254/latest/meta-data/";
        var signedInternal = await ProxyAsync(app, $"url={Uri.EscapeDataString(internalUrl)}&sig={app.GetRequiredService<ImageUrlSigner>().Sign(internalUrl)}");

        Assert.Contains("/api/image?url=", html, StringComparison.Ordinal);
        Assert.Equal(StatusCodes.Status403Forbidden, tampered.Status);
        Assert.Equal(StatusCodes.Status400BadRequest, unsigned.Status);
        Assert.Equal(StatusCodes.Status403Forbidden, signedInternal.Status);
        Assert.Contains(logs.Lines, l => l.Contains("generated one and stored it", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("Image proxy refused 169.254.169.254", StringComparison.Ordinal));
        foreach (var text in logs.Lines.Append(html).Append(tampered.Body).Append(unsigned.Body).Append(signedInternal.Body))
        {
            Assert.DoesNotContain(key, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Uri.EscapeDataString(key), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task StorageDownAtStart_ProxyStartsOff_AndComesBackOnceStorageAnswers()
    {
        int[] ports = [FreePort(), FreePort(), FreePort()];
        var connection = $"DefaultEndpointsProtocol=http;AccountName={AzuriteProcess.DevelopmentAccountName};AccountKey={AzuriteProcess.DevelopmentAccountKey};"
            + $"TableEndpoint=http://127.0.0.1:{ports[0]}/devstoreaccount1;BlobEndpoint=http://127.0.0.1:{ports[1]}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{ports[2]}/devstoreaccount1";
        var clock = new SteppingClock(DateTimeOffset.UtcNow);
        var logs = new LogRecorder();
        await using var app = App(NewPrefix(), logs: logs, connectionString: connection, clock: clock);
        var options = app.GetRequiredService<IOptions<ImageProxyOptions>>().Value;
        var rewriter = app.GetRequiredService<ImageUrlRewriter>();
        var figure = $"<p><img src=\"{ImageUrl}\"></p>";
        var whileDown = rewriter.Rewrite(figure, "https://agg.example");
        var proxyWhileDown = await ProxyAsync(app, $"url={Uri.EscapeDataString(ImageUrl)}&sig=AAAAAAAAAAAAAAAAAAAAAA");

        await using var storage = await AzuriteProcess.StartAsync(new AzuriteStartOptions
        {
            SearchFrom = RepositoryPaths.Root, TablePort = ports[0], BlobPort = ports[1], QueuePort = ports[2],
        });
        var recovery = app.GetRequiredService<IImageKeyRecovery>();
        await recovery.TryRecoverAsync();
        var tooSoon = options.IsActive;
        clock.Advance(ImageSigningKeyStore.RetryInterval);
        await recovery.TryRecoverAsync();

        Assert.False(tooSoon, "a retry waits for the interval, so renders never queue on a storage that is down");
        Assert.Equal(StatusCodes.Status404NotFound, proxyWhileDown.Status);
        Assert.Equal(figure, whileDown);
        Assert.True(options.IsActive);
        Assert.Contains("/api/image?url=", rewriter.Rewrite(figure, "https://agg.example"), StringComparison.Ordinal);
        var stored = await new TableServiceClient(storage.ConnectionString).GetTableClient(new TableNames(app.GetRequiredService<IOptions<TableStoreOptions>>().Value.TablePrefix).Meta)
            .GetEntityAsync<TableEntity>("settings", "image-proxy-signing-key");
        Assert.Equal(options.SigningKey, stored.Value.GetString("Key"));
        Assert.Contains(logs.Lines, l => l.Contains("Image proxy on again", StringComparison.Ordinal));
        Assert.All(logs.Lines, l => Assert.DoesNotContain(options.SigningKey!, l, StringComparison.Ordinal));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int Status, string Body)> ProxyAsync(ServiceProvider app, string query)
    {
        var context = new DefaultHttpContext { RequestServices = app };
        context.Request.Method = "GET";
        context.Request.QueryString = new QueryString("?" + query);
        using var body = new MemoryStream();
        context.Response.Body = body;
        await app.GetRequiredService<ImageProxy>().HandleAsync(context);
        return (context.Response.StatusCode, Encoding.UTF8.GetString(body.ToArray()));
    }

    private ServiceProvider App(
        string prefix, IReadOnlyDictionary<string, string?>? settings = null, LogRecorder? logs = null, string? connectionString = null, TimeProvider? clock = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SettingNames.Storage] = connectionString ?? azurite.ConnectionString,
        }.Concat(settings ?? new Dictionary<string, string?>())).Build();
        var services = new ServiceCollection();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                b.AddProvider(logs);
            }
        });
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAggregator(configuration);
        services.Configure<TableStoreOptions>(o => o.TablePrefix = prefix);
        return services.BuildServiceProvider();
    }

    private static string NewPrefix() => "k" + Guid.NewGuid().ToString("N")[..10];
}
