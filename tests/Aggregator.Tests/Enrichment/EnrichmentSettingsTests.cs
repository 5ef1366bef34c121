using Aggregator.Enrichment;
using Aggregator.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aggregator.Tests.Enrichment;

/// <summary>How the deployment's settings reach <see cref="EnrichmentOptions"/>.</summary>
public sealed class EnrichmentSettingsTests
{
    private static EnrichmentOptions Bind(params (string Name, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Name, s.Value)))
            .Build();
        using var provider = new ServiceCollection().AddEnrichment(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<EnrichmentOptions>>().Value;
    }

    [Fact]
    public void Unset_IsOnWithTheProjectsUserAgentOnly()
    {
        var options = Bind();

        Assert.True(options.Enabled);
        Assert.Equal(EnrichmentOptions.DefaultUserAgent, options.EffectiveUserAgent);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("0")]
    [InlineData(" Off ")]
    [InlineData("no")]
    public void Enabled_FalseInAnyUsualSpelling_TurnsItOff(string value)
    {
        Assert.False(Bind((SettingNames.EnrichmentEnabled, value)).Enabled);
    }

    [Fact]
    public void Enabled_Unreadable_IsRefusedNamingTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Bind((SettingNames.EnrichmentEnabled, "sometimes")));

        Assert.Contains("ENRICHMENT_ENABLED is 'sometimes'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Contact_TheDeploymentSettingWinsOverTheSection()
    {
        var options = Bind(
            (EnrichmentServiceCollectionExtensions.Section + ":Contact", "https://example.org/old"),
            (SettingNames.EnrichmentContact, " mailto:feeds@example.org "));

        Assert.Equal(EnrichmentOptions.DefaultUserAgent + " +mailto:feeds@example.org", options.EffectiveUserAgent);
    }

    [Fact]
    public void Contact_EmptyDeploymentSetting_LeavesTheSectionsContact()
    {
        // Bicep always writes ENRICHMENT_CONTACT; empty there must not erase an operator's Enrichment__Contact.
        var options = Bind(
            (EnrichmentServiceCollectionExtensions.Section + ":Contact", "https://example.org/ops"),
            (SettingNames.EnrichmentContact, ""));

        Assert.Equal("https://example.org/ops", options.Contact);
    }
}
