using System.Diagnostics;

namespace Aggregator.Benchmarks.Parsing;

/// <summary>
/// Times several parsers over the same documents in alternating short rounds, so that load from other processes on this
/// shared machine and JIT tiering fall on all of them alike. The order rotates every round, so none is always the one
/// that runs first after another's garbage.
/// </summary>
internal static class InterleavedRounds
{
    public static IReadOnlyList<Throughput> Measure(byte[][] documents, IReadOnlyList<Action<byte[]>> parsers, TimeSpan eachFor)
    {
        for (var warmup = 0; warmup < 3; warmup++)
        {
            foreach (var parse in parsers)
            {
                Round(documents, parse);
            }
        }

        var totals = parsers.Select(_ => new Totals()).ToArray();
        var stopwatch = Stopwatch.StartNew();
        for (var round = 0; stopwatch.Elapsed < eachFor * parsers.Count; round++)
        {
            for (var i = 0; i < parsers.Count; i++)
            {
                var index = (round + i) % parsers.Count;
                totals[index].Add(documents, parsers[index]);
            }
        }

        var bytes = documents.Sum(d => (long)d.Length);
        return totals.Select(t => t.Result(bytes)).ToArray();
    }

    private static void Round(byte[][] documents, Action<byte[]> parse)
    {
        foreach (var document in documents)
        {
            parse(document);
        }
    }

    private sealed class Totals
    {
        private TimeSpan elapsed;
        private long allocated;
        private int rounds;

        public void Add(byte[][] documents, Action<byte[]> parse)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            Round(documents, parse);
            elapsed += Stopwatch.GetElapsedTime(start);
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            rounds++;
        }

        public Throughput Result(long bytes) =>
            new((double)bytes * rounds / 1e6 / elapsed.TotalSeconds, allocated / ((double)bytes * rounds), rounds);
    }
}

/// <summary>Megabytes of input read per second, bytes allocated per input byte, and how many rounds were timed.</summary>
internal readonly record struct Throughput(double MegabytesPerSecond, double BytesPerByte, int Rounds);
