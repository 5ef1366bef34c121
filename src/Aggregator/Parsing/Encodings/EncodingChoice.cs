using System.Text;

namespace Aggregator.Parsing.Encodings;

/// <summary>The encoding chosen for a document, how many leading bytes are a byte-order mark, and any doubts.</summary>
internal sealed record EncodingChoice(string Name, Encoding Encoding, int PreambleLength, IReadOnlyList<string> Warnings);
