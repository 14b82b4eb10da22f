using System.Buffers;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AsyncCoach.Slack.WebApi;

/// <summary>
/// A JSON request body serialized up front into a pooled buffer, so the request carries a
/// Content-Length and goes out with its headers (<c>JsonContent</c> is sent chunked), without the
/// exact-size copy that <see cref="JsonSerializer.SerializeToUtf8Bytes{TValue}(TValue, JsonTypeInfo{TValue})"/>
/// makes. The buffer goes back to the pool when the request is disposed.
/// </summary>
internal sealed class PooledJsonContent : HttpContent
{
    private const string MediaType = "application/json; charset=utf-8";

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private byte[] _buffer;
    private readonly int _length;

    private PooledJsonContent(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
        // Unvalidated: written as is, not parsed into a MediaTypeHeaderValue on every call.
        Headers.TryAddWithoutValidation("Content-Type", MediaType);
    }

    public static PooledJsonContent Create<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var output = new PooledBufferWriter();
        var writer = t_writer;
        if (writer is null)
        {
            writer = t_writer = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        }
        else
        {
            writer.Reset(output);
        }

        try
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
            writer.Flush();
        }
        catch
        {
            output.Return();
            throw;
        }
        finally
        {
            // Keeps no reference to the buffer in the thread's writer.
            writer.Reset(Stream.Null);
        }

        return new PooledJsonContent(output.Buffer, output.Written);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(_buffer.AsMemory(0, _length)).AsTask();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(_buffer.AsMemory(0, _length), cancellationToken).AsTask();

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.Write(_buffer, 0, _length);

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }

        base.Dispose(disposing);
    }

    /// <summary>An <see cref="IBufferWriter{T}"/> over arrays rented from the shared pool.</summary>
    private sealed class PooledBufferWriter : IBufferWriter<byte>
    {
        public byte[] Buffer { get; private set; } = ArrayPool<byte>.Shared.Rent(4096);

        public int Written { get; private set; }

        public void Advance(int count) => Written += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return Buffer.AsMemory(Written);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return Buffer.AsSpan(Written);
        }

        public void Return() => ArrayPool<byte>.Shared.Return(Buffer);

        private void Ensure(int sizeHint)
        {
            if (Buffer.Length - Written >= Math.Max(sizeHint, 1))
            {
                return;
            }

            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(Buffer.Length * 2, Written + sizeHint));
            Buffer.AsSpan(0, Written).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(Buffer);
            Buffer = larger;
        }
    }
}
