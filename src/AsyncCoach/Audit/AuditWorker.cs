using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;

namespace AsyncCoach.Audit;

/// <summary>One worker's reusable state: its own reader, day buffer and finding serialiser.</summary>
internal sealed class AuditWorker(AuditRunner runner, ExportSource source, ExportMetadata metadata, FindingSpool? spool) : IDisposable
{
    private readonly List<ExportMessage> day = [];
    private readonly DayFileScanner scanner = new();
    private readonly ArrayBufferWriter<byte> lines = new(AuditRunner.ChunkBytes);
    private readonly Utf8JsonWriter json = new(new ArrayBufferWriter<byte>(), new JsonWriterOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // output is not HTML: keep '+' and non-ASCII readable
    });

    private int sequence;
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(1 << 16);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ConversationTally Audit(int index, ConversationDays work, CancellationToken ct)
    {
        var (conversation, days) = work;
        var tally = new ConversationTally(conversation, days.Count);
        var auditor = runner.AuditorFactory(conversation, metadata.People, runner.Norms);
        sequence = 0;
        lines.ResetWrittenCount();
        foreach (var file in days)
        {
            ct.ThrowIfCancellationRequested();
            var name = ExportMetadata.Describe(source, file.Entry.Path);
            try
            {
                var length = source.ReadAll(file.Entry, ref buffer);
                DayFileParser.Parse(buffer.AsSpan(0, length), name, day, scanner);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new ExportFormatException($"{name}: cannot be read ({ex.Message})", ex);
            }

            foreach (var raw in day)
            {
                tally.Read++;
                if (AuditRunner.ToChatMessage(raw, conversation, metadata) is not { } message)
                {
                    tally.SkippedBotOrSystem++;
                    continue;
                }

                var time = DateTimeOffset.UnixEpoch.AddTicks(raw.Micros * 10); // message.Time, without parsing ts again
                if ((runner.From is { } from && time < from) || (runner.To is { } to && time >= to))
                {
                    tally.SkippedOutsidePeriod++;
                    continue;
                }

                tally.Evaluate(message, time);
                Record(auditor.Observe(message), conversation, tally, index);
            }

            day.Clear(); // drop the day's text before reading the next
            runner.DayFileDone?.Invoke(file.Entry.Length);
        }

        Record(auditor.Finish(), conversation, tally, index);
        FlushLines(index);
        return tally;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Record(IReadOnlyList<Finding> findings, Conversation conversation, ConversationTally tally, int index)
    {
        foreach (var finding in findings)
        {
            tally.Add(finding);
            if (spool is null)
            {
                continue;
            }

            json.Reset(lines);
            FindingJson.Write(json, finding, conversation);
            json.Flush();
            lines.Write("\n"u8);
            if (lines.WrittenCount >= AuditRunner.ChunkBytes)
            {
                FlushLines(index);
            }
        }
    }

    public void Dispose()
    {
        json.Dispose();
        ArrayPool<byte>.Shared.Return(buffer);
    }

    private void FlushLines(int index)
    {
        if (spool is not null && lines.WrittenCount > 0)
        {
            spool.Append(index, sequence++, lines.WrittenSpan);
        }

        lines.ResetWrittenCount();
    }
}
