using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Aggregator.Cli.Failures;
using Aggregator.Cli.Hosting;
using Aggregator.Cli.Terminal;
using Aggregator.Extraction;
using Aggregator.Fetching;
using Aggregator.Parsing;
using Aggregator.Parsing.Encodings;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Cli.Commands;

/// <summary>
/// <c>parse URL|FILE [--type feed|page]</c>: what the pipeline reads from one source, as JSON — the tool to reach for
/// when a source looks wrong. Nothing is stored.
/// </summary>
internal static class ParseCommand
{
    public static Command Create(CliConsole console)
    {
        var location = new Argument<string>("source") { Description = "A feed or page URL (http, https, file) or a local file path." };
        var type = new Option<string>("--type") { Description = "How to read it: feed or page.", DefaultValueFactory = _ => "feed" };
        type.AcceptOnlyFromAmong("feed", "page");
        var encoding = new Option<string?>("--encoding") { Description = "Force a character encoding (e.g. gbk) instead of detecting it." };
        var command = new Command("parse", "Print what the pipeline reads from one feed or page, as JSON.") { location, type, encoding };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(location)!, result.GetValue(type) == "page", result.GetValue(encoding), Console.OpenStandardOutput(), console.Error,
            CommonOptions.IsVerbose(result), cancellationToken));
        return command;
    }

    /// <returns>0, or 1 when the source cannot be fetched or read (the one source failed).</returns>
    internal static async Task<int> RunAsync(
        string location, bool page, string? encoding, Stream output, TextWriter errors, bool verbose, CancellationToken cancellationToken)
    {
        var url = Uri.TryCreate(location, UriKind.Absolute, out var absolute) && absolute.Scheme.Length > 1
            ? absolute
            : new Uri(Path.GetFullPath(location));
        await using var services = CliServices.Build(CliServices.Configuration(new Dictionary<string, string?>()), verbose);
        FetchResponse response;
        Feed feed;
        try
        {
            response = await services.GetRequiredService<IFetcher>().FetchAsync(new FetchRequest(url), cancellationToken).ConfigureAwait(false);
            feed = page
                ? ReadPage(services, response, encoding)
                : services.GetRequiredService<IFeedReader>().Read(response.Body, new FeedReadOptions
                {
                    BaseUri = response.FinalUrl, ContentType = response.ContentType, ForcedEncoding = encoding,
                });
        }
        catch (Exception ex) when (ex is FetchException or FeedParseException)
        {
            await errors.WriteLineAsync($"{location}: {ex.Message}").ConfigureAwait(false);
            if (verbose)
            {
                await errors.WriteLineAsync(ex.ToString()).ConfigureAwait(false);
            }

            return ExitCodes.SourcesFailed;
        }

        var links = services.GetRequiredService<ILinkCanonicalizer>();
        await using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            ParseReport.WriteJson(writer, feed, new ParseReportContext(response.FinalUrl.AbsoluteUri, link => Canonical(links, link)));
        }

        await output.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static Feed ReadPage(IServiceProvider services, FetchResponse response, string? encoding)
    {
        var decoded = TextDecoder.Decode(response.Body.Span, response.ContentType, encoding, DocumentKind.Html);
        var feed = services.GetRequiredService<PageReader>().Read(decoded.Text, response.FinalUrl, selectors: null);
        return new Feed
        {
            Type = feed.Type, Title = feed.Title, Link = feed.Link, Description = feed.Description, Language = feed.Language,
            Items = feed.Items, Encoding = decoded.EncodingName, Warnings = [.. decoded.Warnings, .. feed.Warnings],
        };
    }

    private static string? Canonical(ILinkCanonicalizer links, string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? links.Canonicalize(uri).AbsoluteUri : null;
}
