namespace Aggregator.Parsing.Encodings;

/// <summary>What the bytes are, which decides where an in-document charset declaration is looked for.</summary>
public enum DocumentKind
{
    /// <summary>XML (feeds): BOM, byte pattern of "&lt;?xml", then the XML declaration's encoding.</summary>
    Xml,

    /// <summary>HTML pages: BOM, then <c>&lt;meta charset&gt;</c> / <c>http-equiv</c> in the first 4 KB.</summary>
    Html,

    /// <summary>JSON (JSON Feed): UTF-8 unless a BOM or the HTTP header says otherwise.</summary>
    Json,
}
