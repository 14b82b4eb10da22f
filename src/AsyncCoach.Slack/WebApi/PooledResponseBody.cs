using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AsyncCoach.Slack.WebApi;

/// <summary>
/// Reads a Web API answer (a few hundred bytes, a page of users at most) into a buffer rented from
/// the shared pool and deserializes it in one synchronous pass with the source-generated context:
/// no async deserializer state, no <c>MemoryStream</c> copy. Slack answers in UTF-8.
/// </summary>
internal static class PooledResponseBody
{
    public static async Task<T?> ReadAsync<T>(HttpContent content, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var length = content.Headers.ContentLength;
        var buffer = ArrayPool<byte>.Shared.Rent(length is > 0 and <= 1 << 20 ? (int)length.Value : 4096);
        try
        {
            var read = 0;
            var stream = await content.ReadAsStreamAsync(cancellationToken);
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    if (read == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, read).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    var count = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
                    if (count == 0)
                    {
                        break;
                    }

                    read += count;
                }
            }

            return read == 0 ? throw new JsonException("empty body") : JsonSerializer.Deserialize(buffer.AsSpan(0, read), typeInfo);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
