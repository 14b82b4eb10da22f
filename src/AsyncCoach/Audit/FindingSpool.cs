using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;

namespace AsyncCoach.Audit;

/// <summary>
/// Findings as JSON lines in a temporary file that deletes itself: the audit streams findings
/// out of memory, and copies them to the real output only once the whole export has been read.
/// </summary>
internal sealed class FindingSpool : IDisposable
{
    private readonly FileStream file = new(
        Path.Combine(Path.GetTempPath(), $"asynccoach-audit-{Guid.NewGuid():N}.jsonl"),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);

    private readonly ArrayBufferWriter<byte> line = new(512);
    private readonly Utf8JsonWriter writer;

    // Output is not HTML: keep '+' in offsets and non-ASCII names readable.
    public FindingSpool() => writer = new Utf8JsonWriter(line, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public long Count { get; private set; }

    public void Add(Finding finding, Conversation conversation)
    {
        line.ResetWrittenCount();
        writer.Reset();
        FindingJson.Write(writer, finding, conversation);
        writer.Flush();
        file.Write(line.WrittenSpan);
        file.WriteByte((byte)'\n');
        Count++;
    }

    /// <summary>Writes every finding line, each prefixed with <paramref name="indent"/>, joined by <paramref name="separator"/>.</summary>
    public async Task CopyLinesAsync(TextWriter output, string separator, string indent, CancellationToken ct)
    {
        await file.FlushAsync(ct);
        file.Position = 0;
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, 1 << 16, leaveOpen: true);
        var first = true;
        while (await reader.ReadLineAsync(ct) is { } text)
        {
            if (!first)
            {
                await output.WriteAsync(separator);
            }

            await output.WriteAsync(indent);
            await output.WriteAsync(text);
            first = false;
        }

        if (!first && separator == "\n")
        {
            await output.WriteAsync('\n');
        }
    }

    public void Dispose()
    {
        writer.Dispose();
        file.Dispose();
    }
}
