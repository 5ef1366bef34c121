using Aggregator.Enrichment;
using Aggregator.Papers;
using Aggregator.Storage;
using Aggregator.Storage.Tables;
using Aggregator.Summaries;
using Aggregator.Testing.Azurite;
using Aggregator.Testing.Metadata;
using Aggregator.Tests.Storage.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Aggregator.Tests.Enrichment;

/// <summary>
/// The enrichment stage over its own tables on the shared Azurite, talking to loopback fakes of arXiv and OpenReview,
/// on a <see cref="SteppingClock"/> so rate-gate waits cost no real time.
/// </summary>
internal sealed class EnrichmentRig : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly HttpClient http = MetadataServices.CreateHttpClient();

    private EnrichmentRig(
        AzuriteFixture azurite, FakeArxivService arxiv, FakeOpenReviewService openReview, SteppingClock clock, Action<EnrichmentOptions>? configure, IDataVersion? dataVersion)
    {
        Arxiv = arxiv;
        OpenReview = openReview;
        Clock = clock;
        Options = new EnrichmentOptions
        {
            ArxivQueryUrl = arxiv.QueryUrl,
            OpenReviewApiUrl = openReview.ApiUrl,
            RequestTimeout = TimeSpan.FromSeconds(10),
            RetryDelay = TimeSpan.FromSeconds(5),
        };
        configure?.Invoke(Options);
        var tables = Tables = StoreFactory.Tables(azurite);
        Store = new TablePaperStore(tables);
        Version = dataVersion ?? new TableDataVersion(tables, clock);
        Resolver = new PaperResolver(Store, new PaperSummaryPicker(new ExtractiveSummarizer()), clock);
        Enricher = new PaperEnricher(
            new TablePendingPaperLookups(tables),
            new TableWorkLease(tables, clock),
            Store,
            Resolver,
            new MetadataServices(http, Options, clock),
            Version,
            Microsoft.Extensions.Options.Options.Create(Options),
            clock,
            NullLogger<PaperEnricher>.Instance);
    }

    public FakeArxivService Arxiv { get; }

    public FakeOpenReviewService OpenReview { get; }

    public SteppingClock Clock { get; }

    public EnrichmentOptions Options { get; }

    public AggregatorTables Tables { get; }

    public TablePaperStore Store { get; }

    public IDataVersion Version { get; }

    public PaperResolver Resolver { get; }

    public PaperEnricher Enricher { get; }

    /// <param name="dataVersion">The feeds' data version the pass bumps; the store's own when null.</param>
    public static async Task<EnrichmentRig> StartAsync(AzuriteFixture azurite, Action<EnrichmentOptions>? configure = null, IDataVersion? dataVersion = null)
    {
        var clock = new SteppingClock(T0);
        return new EnrichmentRig(azurite, await FakeArxivService.StartAsync(clock), await FakeOpenReviewService.StartAsync(), clock, configure, dataVersion);
    }

    /// <summary>One post mentioning one paper, stored as ingestion would; returns the paper's id.</summary>
    public async Task<string> MentionAsync(string postId, string source, string? arxiv = null, string? openReview = null, string? title = null, IReadOnlyList<string>? authors = null)
    {
        var keys = new List<PaperKey>();
        if (arxiv is not null) keys.Add(new PaperKey(PaperKeyKind.Arxiv, arxiv));
        if (openReview is not null) keys.Add(new PaperKey(PaperKeyKind.OpenReview, openReview));
        if (PaperTitle.KeyFor(title) is { } titleKey) keys.Add(titleKey);
        var mention = new PaperMention { ArxivId = arxiv, OpenReviewId = openReview, Title = title, Authors = authors ?? [], Keys = keys };
        var resolved = await Resolver.ResolveAsync(PostSamples.Post(postId, Clock.GetUtcNow(), source), [mention]);
        Clock.Advance(TimeSpan.FromMinutes(1));
        return resolved.Single().PaperId;
    }

    public Task<EnrichmentReport> EnrichAsync(TimeSpan? budget = null) => Enricher.EnrichPendingAsync(budget ?? TimeSpan.FromMinutes(5));

    public async Task<Paper> PaperAsync(string id) => await Store.GetAsync(id) ?? throw new InvalidOperationException($"no paper {id}");

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await Arxiv.DisposeAsync();
        await OpenReview.DisposeAsync();
    }
}
