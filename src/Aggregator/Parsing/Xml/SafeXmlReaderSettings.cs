using System.Xml;

namespace Aggregator.Parsing.Xml;

/// <summary>
/// The only way feeds are opened as XML. DTDs are ignored and nothing external is ever resolved, so billion-laughs and
/// external-entity (XXE) documents expand nothing and fetch nothing; the size bound stops runaway documents.
/// </summary>
internal static class SafeXmlReaderSettings
{
    public const long MaxCharactersInDocument = 256L * 1024 * 1024;

    public static XmlReaderSettings Create() => new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = MaxCharactersInDocument,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        // Admits character references to controls (&#1;), common in scraped feeds and harmless to us. Raw control
        // characters still stop the reader whatever this says; XmlTextRepairer takes them out for the second pass.
        CheckCharacters = false,
        CloseInput = true,
    };

    public static readonly XmlReaderSettings Shared = Create();
}
