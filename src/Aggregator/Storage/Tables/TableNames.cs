namespace Aggregator.Storage.Tables;

/// <summary>The tables the store uses (see docs/storage.md); a prefix lets several stores share one account.</summary>
public sealed record TableNames(string Prefix = "")
{
    public string Sources => Prefix + "sources";

    public string Posts => Prefix + "posts";

    public string PostKeys => Prefix + "postkeys";

    public string PostBands => Prefix + "postbands";

    public string Papers => Prefix + "papers";

    public string PaperKeys => Prefix + "paperkeys";

    public string Timeline => Prefix + "timeline";

    public string Meta => Prefix + "meta";

    public string Summaries => Prefix + "summaries";

    public IEnumerable<string> All => [Sources, Posts, PostKeys, PostBands, Papers, PaperKeys, Timeline, Meta, Summaries];
}
