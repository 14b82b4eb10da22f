using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace AsyncCoach.Observability;

/// <summary>
/// A diagnostic switch for issue #17's acknowledgement tail: with <c>Diagnostics:AckStagesFile</c>
/// set, every event acknowledged over HTTP gets a timestamp at each stage of its way (request seen
/// by the pipeline, handed to the group commit, its batch started, appended, released, resumed,
/// request done) and the samples are written to that file as CSV when the service stops, so the
/// slow 1 % can be shared out by stage (docs/benchmarks.md, "Nudge loop"). Off (the default) the
/// middleware is not mapped and the writer's one check is a null test; nothing per event is kept.
/// No ids or text are recorded, only times.
/// </summary>
public sealed partial class AckStageRecorder(IConfiguration configuration, ILogger<AckStageRecorder> logger)
{
    public const string FileKey = "Diagnostics:AckStagesFile";

    // Enough for a 60-s window at 1,000 events/s and its warm-up; later samples are dropped.
    private const int Capacity = 1 << 18;

    private static readonly AsyncLocal<AckTrace?> CurrentTrace = new();

    private readonly string? _path = configuration[FileKey] is { Length: > 0 } path ? path : null;
    private AckTrace[]? _samples;
    private int _count;

    public bool Enabled => _path is not null;

    /// <summary>The trace of the request this flow serves, when recording; null otherwise.</summary>
    public static AckTrace? Current => CurrentTrace.Value;

    /// <summary>Times one request: its stages are filled in by the acceptor and the group commit.</summary>
    public async Task TimeAsync(HttpContext http, RequestDelegate next)
    {
        var trace = new AckTrace { Start = Stopwatch.GetTimestamp(), GcsAtStart = GC.CollectionCount(0) };
        CurrentTrace.Value = trace;
        await next(http);
        trace.End = Stopwatch.GetTimestamp();
        trace.GcsAtEnd = GC.CollectionCount(0);
        if (trace.Enqueued == 0)
        {
            return;
        }

        var samples = _samples ?? Interlocked.CompareExchange(ref _samples, new AckTrace[Capacity], null) ?? _samples;
        var slot = Interlocked.Increment(ref _count) - 1;
        if (slot < samples.Length)
        {
            samples[slot] = trace;
        }
    }

    /// <summary>Writes the samples (times in µs after the request's start) to the configured file.</summary>
    public void Write()
    {
        if (_path is null || _samples is not { } samples)
        {
            return;
        }

        var count = Math.Min(Volatile.Read(ref _count), samples.Length);
        var text = new StringBuilder("start_s,enqueued_us,batch_start_us,appended_us,released_us,resumed_us,end_us,batch,gcs\n");
        var origin = samples[0].Start;
        for (var i = 0; i < count; i++)
        {
            var t = samples[i];
            if (t is null)
            {
                continue;
            }

            text.Append(CultureInfo.InvariantCulture,
                $"{Seconds(t.Start - origin):0.000000},{Micros(t, t.Enqueued)},{Micros(t, t.BatchStart)},{Micros(t, t.Appended)},{Micros(t, t.Released)},{Micros(t, t.Resumed)},{Micros(t, t.End)},{t.Batch},{t.GcsAtEnd - t.GcsAtStart}\n");
        }

        try
        {
            File.WriteAllText(_path, text.ToString());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // At stop there is no one to answer: say which file and why, and let the service stop.
            Log.WriteFailed(logger, _path, FileKey, ex.Message);
            return;
        }

        Log.Written(logger, count, _path);
    }

    private static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;

    private static string Micros(AckTrace trace, long at) =>
        at == 0 ? "" : (Seconds(at - trace.Start) * 1e6).ToString("0.0", CultureInfo.InvariantCulture);

    private static partial class Log
    {
        [LoggerMessage(EventId = 4370, Level = LogLevel.Information, Message = "Wrote {Count} acknowledgement stage timings to {Path}")]
        public static partial void Written(ILogger logger, int count, string path);

        [LoggerMessage(EventId = 4371, Level = LogLevel.Warning, Message = "Could not write the acknowledgement stage timings to {Path} ({Setting}): {Reason}")]
        public static partial void WriteFailed(ILogger logger, string path, string setting, string reason);
    }
}

/// <summary>One acknowledgement's stage timestamps (<see cref="Stopwatch"/> ticks; 0 where not reached).</summary>
public sealed class AckTrace
{
    public long Start { get; set; }

    public long Enqueued { get; set; }

    public long BatchStart { get; set; }

    public long Appended { get; set; }

    public long Released { get; set; }

    public long Resumed { get; set; }

    public long End { get; set; }

    public int Batch { get; set; }

    public int GcsAtStart { get; set; }

    public int GcsAtEnd { get; set; }
}
