using Aggregator.Fetching;

namespace Aggregator.Tests.Fetching;

public sealed class CappedBodyReaderTests
{
    [Theory]
    [InlineData(0, 100, false)]
    [InlineData(99, 100, false)]
    [InlineData(100, 100, false)]
    [InlineData(101, 100, true)]
    [InlineData(300_000, 200_000, true)]
    [InlineData(300_000, 400_000, false)]
    public async Task ReadAsync_CutsOffAtTheCap_AndSaysWhetherItDid(int length, int cap, bool truncated)
    {
        var data = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();

        var (body, wasTruncated) = await CappedBodyReader.ReadAsync(new TrickleStream(data), cap, lengthHint: null);

        Assert.Equal(truncated, wasTruncated);
        Assert.Equal(data.Take(cap), body);
    }

    [Fact]
    public async Task ReadAsync_LyingLengthHint_IsNotTrusted()
    {
        var data = new byte[5000];
        Random.Shared.NextBytes(data);

        var (small, _) = await CappedBodyReader.ReadAsync(new MemoryStream(data), 10_000, lengthHint: 10);
        var (large, _) = await CappedBodyReader.ReadAsync(new MemoryStream(data), 10_000, lengthHint: 1_000_000);

        Assert.Equal(data, small);
        Assert.Equal(data, large);
    }

    /// <summary>Hands out at most 777 bytes per read, as a network stream might.</summary>
    private sealed class TrickleStream(byte[] data) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 777)], cancellationToken);
    }
}
