using System.Globalization;

namespace Aggregator.Benchmarks.Parsing;

/// <summary>The parse benchmark's table: one row per reader and input, the input named on its first row only.</summary>
internal sealed class ResultTable
{
    private static readonly string[] Header = ["input", "MB", "reader", "MB/s", "of bare", "B/B", "throws", "expectations met"];

    private readonly List<string[]> rows = [];
    private string? lastInput;

    public void Add(string input, byte[][] documents, string reader, Throughput throughput, Throughput bare, int throws, ConformanceScore? score)
    {
        var first = input != lastInput;
        lastInput = input;
        rows.Add(
        [
            first ? input : string.Empty,
            first ? (documents.Sum(d => (long)d.Length) / 1e6).ToString("F2", CultureInfo.InvariantCulture) : string.Empty,
            reader,
            throughput.MegabytesPerSecond.ToString("F1", CultureInfo.InvariantCulture),
            (throughput.MegabytesPerSecond / bare.MegabytesPerSecond).ToString("P0", CultureInfo.InvariantCulture),
            throughput.BytesPerByte.ToString("F2", CultureInfo.InvariantCulture),
            $"{throws}/{documents.Length}",
            score is null ? "—" : $"{score.Met}/{score.Counted} ({score.Ratio.ToString("P1", CultureInfo.InvariantCulture)})",
        ]);
    }

    public void Write()
    {
        var all = rows.Prepend(Header).ToList();
        var widths = Enumerable.Range(0, Header.Length).Select(c => all.Max(r => r[c].Length)).ToArray();
        foreach (var row in all)
        {
            // Text columns flush left, figures flush right.
            Console.WriteLine(string.Join("  ", row.Select((cell, c) => c is 0 or 2 or 7 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
        }
    }
}
