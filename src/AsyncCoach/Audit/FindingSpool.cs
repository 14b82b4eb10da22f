using System.Buffers;
using System.Text;

namespace AsyncCoach.Audit;

/// <summary>
/// Findings as JSON lines in a temporary file that deletes itself. Workers append chunks of lines
/// for the conversation they audit, in whatever order conversations finish; the copy to the real
/// output, only once the whole export has been read, puts them back in conversation order.
/// </summary>
internal sealed class FindingSpool : IDisposable
{
    private readonly FileStream file = new(
        Path.Combine(Path.GetTempPath(), $"asynccoach-audit-{Guid.NewGuid():N}.jsonl"),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);

    private readonly List<(int Conversation, int Sequence, long Offset, int Length)> chunks = [];
    private readonly Lock gate = new();

    /// <summary>Appends JSON lines (each ending in '\n') of one conversation; thread-safe.</summary>
    public void Append(int conversation, int sequence, ReadOnlySpan<byte> lines)
    {
        lock (gate)
        {
            chunks.Add((conversation, sequence, file.Position, lines.Length));
            file.Write(lines);
        }
    }

    /// <summary>Writes every finding line, each prefixed with <paramref name="indent"/>, joined by <paramref name="separator"/>.</summary>
    /// <remarks>Line by line through small buffers: no large strings, which would each cost a full GC.</remarks>
    public void CopyLines(TextWriter output, string separator, string indent)
    {
        file.Flush();
        var first = true;
        var bytes = ArrayPool<byte>.Shared.Rent(1 << 16);
        var chars = ArrayPool<char>.Shared.Rent(1 << 12);
        try
        {
            foreach (var chunk in chunks.OrderBy(c => c.Conversation).ThenBy(c => c.Sequence))
            {
                if (bytes.Length < chunk.Length)
                {
                    ArrayPool<byte>.Shared.Return(bytes);
                    bytes = ArrayPool<byte>.Shared.Rent(chunk.Length);
                }

                file.Position = chunk.Offset;
                file.ReadExactly(bytes, 0, chunk.Length);
                var rest = bytes.AsSpan(0, chunk.Length);
                while (rest.Length > 0)
                {
                    var end = rest.IndexOf((byte)'\n');
                    var line = end < 0 ? rest : rest[..end];
                    rest = end < 0 ? [] : rest[(end + 1)..];
                    if (!first)
                    {
                        output.Write(separator);
                    }

                    if (chars.Length < line.Length)
                    {
                        ArrayPool<char>.Shared.Return(chars);
                        chars = ArrayPool<char>.Shared.Rent(line.Length);
                    }

                    output.Write(indent);
                    output.Write(chars.AsSpan(0, Encoding.UTF8.GetChars(line, chars)));
                    first = false;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }

        if (!first && separator == "\n")
        {
            output.Write('\n');
        }
    }

    public void Dispose() => file.Dispose();
}
