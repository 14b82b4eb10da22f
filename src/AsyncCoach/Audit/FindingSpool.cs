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
    public async Task CopyLinesAsync(TextWriter output, string separator, string indent, CancellationToken ct)
    {
        await file.FlushAsync(ct);
        var first = true;
        var buffer = new byte[1 << 16];
        foreach (var chunk in chunks.OrderBy(c => c.Conversation).ThenBy(c => c.Sequence))
        {
            if (buffer.Length < chunk.Length)
            {
                buffer = new byte[chunk.Length];
            }

            file.Position = chunk.Offset;
            await file.ReadExactlyAsync(buffer.AsMemory(0, chunk.Length), ct);
            foreach (var line in Encoding.UTF8.GetString(buffer, 0, chunk.Length).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!first)
                {
                    await output.WriteAsync(separator);
                }

                await output.WriteAsync(indent);
                await output.WriteAsync(line);
                first = false;
            }
        }

        if (!first && separator == "\n")
        {
            await output.WriteAsync('\n');
        }
    }

    public void Dispose() => file.Dispose();
}
