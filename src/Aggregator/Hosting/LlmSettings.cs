using System.Globalization;
using Aggregator.Summaries;
using Microsoft.Extensions.Configuration;

namespace Aggregator.Hosting;

/// <summary>The optional LLM summariser's settings (LLM_*); unset endpoint or model means offline summaries.</summary>
public static class LlmSettings
{
    public static LlmOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new LlmOptions
        {
            Model = configuration[SettingNames.LlmModel] ?? "",
            ApiKey = configuration[SettingNames.LlmApiKey],
        };
        if (configuration[SettingNames.LlmEndpoint] is { Length: > 0 } endpoint)
        {
            options.Endpoint = Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : throw new InvalidOperationException($"{SettingNames.LlmEndpoint} must be an absolute http(s) URL such as https://api.openai.com/v1.");
        }

        if (configuration[SettingNames.LlmLanguage] is { Length: > 0 } language)
        {
            options.OutputLanguage = language;
        }

        options.MaxTokens = PositiveInt(configuration, SettingNames.LlmMaxTokens, options.MaxTokens);
        options.CallsPerRun = PositiveInt(configuration, SettingNames.LlmCallsPerRun, options.CallsPerRun);
        return options;
    }

    private static int PositiveInt(IConfiguration configuration, string name, int fallback)
    {
        var text = configuration[name];
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidOperationException($"{name} must be a positive whole number, not '{text}'.");
    }
}
