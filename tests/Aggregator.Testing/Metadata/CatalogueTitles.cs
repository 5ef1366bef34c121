namespace Aggregator.Testing.Metadata;

/// <summary>How <see cref="CorpusCatalogue"/> titles the fake services' records.</summary>
public enum CatalogueTitles
{
    /// <summary>As most posts title the paper.</summary>
    MostCommon,

    /// <summary>
    /// As the fewest posts do, in another case and punctuation: the services' wording then differs from what most
    /// posts wrote, as arXiv's canonical titles often do.
    /// </summary>
    Restyled,
}
