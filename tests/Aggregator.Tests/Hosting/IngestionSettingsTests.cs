using Aggregator.Hosting;
using Aggregator.Ingestion;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aggregator.Tests.Hosting;

public sealed class IngestionSettingsTests
{
    private static IngestionOptions Options(string? budget)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [SettingNames.IngestTimeBudget] = budget })
            .Build();
        using var services = new ServiceCollection().AddLogging().AddAggregator(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<IngestionOptions>>().Value;
    }

    [Fact]
    public void TimeBudget_Set_IsReadAsATimeSpan() => Assert.Equal(TimeSpan.FromMinutes(8), Options("00:08:00").TimeBudget);

    [Fact]
    public void TimeBudget_Unset_LeavesRunsUnbounded() => Assert.Null(Options(null).TimeBudget);

    [Theory]
    [InlineData("eight minutes")]
    [InlineData("-00:01:00")]
    [InlineData("00:00:00")]
    public void TimeBudget_Invalid_IsRefusedNamingTheSetting(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Options(value));

        Assert.Contains(SettingNames.IngestTimeBudget, error.Message, StringComparison.Ordinal);
    }
}
