using System.Buffers;

namespace Aggregator.Publishing;

/// <summary>A write-only stream over an <see cref="IBufferWriter{T}"/>, so XmlWriter can render straight into a growable buffer.</summary>
internal sealed class BufferWriterStream(IBufferWriter<byte> buffer) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> source) => buffer.Write(source);

    public override Task WriteAsync(byte[] source, int offset, int count, CancellationToken cancellationToken)
    {
        Write(source.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
