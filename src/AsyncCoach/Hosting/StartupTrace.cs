using System.Globalization;

namespace AsyncCoach.Hosting;

/// <summary>
/// With <c>ASYNCCOACH_STARTUP_TRACE=1</c>, writes one line per start-up milestone to stderr:
/// <c>startup-trace &lt;microseconds since the Unix epoch&gt; &lt;milestone&gt;</c>, so that
/// <c>bench/time-to-ready.sh</c> (<c>TRACE=1</c>) can show where the time from process start to
/// ready goes. Otherwise it does nothing.
/// </summary>
public static class StartupTrace
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("ASYNCCOACH_STARTUP_TRACE") == "1";
    private static int _firstReady;

    public static void Mark(string milestone)
    {
        if (Enabled)
        {
            var micros = (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / 10;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"startup-trace {micros} {milestone}"));
        }
    }

    /// <summary>Marks the first time <c>/readyz</c> answers 200.</summary>
    public static void MarkFirstReady()
    {
        if (Enabled && Interlocked.Exchange(ref _firstReady, 1) == 0)
        {
            Mark("first /readyz 200");
        }
    }
}
