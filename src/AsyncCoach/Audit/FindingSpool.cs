using System.Buffers;
using System.Runtime.CompilerServices;
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
        var first = true;
        var chars = ArrayPool<char>.Shared.Rent(1 << 12);
        try
        {
            ForEachChunk(rest =>
            {
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
            });
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }

        if (!first && separator == "\n")
        {
            output.Write('\n');
        }
    }

    /// <summary>
    /// The same as <see cref="CopyLines(TextWriter, string, string)"/> with UTF-8 as the encoding,
    /// straight into a byte stream: a chunk at a time, without decoding the lines and encoding them again.
    /// </summary>
    public void CopyLines(Stream output, string separator, string indent)
    {
        var first = true;
        var verbatim = separator == "\n" && indent.Length == 0;
        var between = Encoding.UTF8.GetBytes(separator + indent);
        var before = Encoding.UTF8.GetBytes(indent);
        var block = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            ForEachChunk(rest =>
            {
                if (verbatim)
                {
                    output.Write(rest); // lines joined by '\n' with a final '\n': the chunks as they are
                    return;
                }

                // Each line becomes (separator unless first) + indent + line, gathered into one write per chunk.
                var size = rest.Length + ((rest.Count((byte)'\n') + 1) * between.Length);
                if (block.Length < size)
                {
                    ArrayPool<byte>.Shared.Return(block);
                    block = ArrayPool<byte>.Shared.Rent(size);
                }

                var length = Join(rest, block, first ? before : between, between);
                first = false;
                output.Write(block, 0, length);
            });
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }

        if (!first && separator == "\n" && !verbatim)
        {
            output.Write("\n"u8);
        }
    }

    /// <summary>Writes each line of <paramref name="lines"/> after <paramref name="before"/> (the first) or <paramref name="between"/> (the rest); returns the length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Join(ReadOnlySpan<byte> lines, Span<byte> into, ReadOnlySpan<byte> before, ReadOnlySpan<byte> between)
    {
        var length = 0;
        var prefix = before;
        while (lines.Length > 0)
        {
            var end = lines.IndexOf((byte)'\n');
            var line = end < 0 ? lines : lines[..end];
            lines = end < 0 ? [] : lines[(end + 1)..];
            prefix.CopyTo(into[length..]);
            length += prefix.Length;
            line.CopyTo(into[length..]);
            length += line.Length;
            prefix = between;
        }

        return length;
    }

    private delegate void ChunkAction(ReadOnlySpan<byte> chunk);

    /// <summary>Every chunk in conversation order, each ending in '\n'.</summary>
    private void ForEachChunk(ChunkAction action)
    {
        file.Flush();
        var bytes = ArrayPool<byte>.Shared.Rent(1 << 16);
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
                action(bytes.AsSpan(0, chunk.Length));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    public void Dispose() => file.Dispose();
}
