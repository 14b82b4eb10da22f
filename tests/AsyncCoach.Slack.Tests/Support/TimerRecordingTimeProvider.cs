using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace AsyncCoach.Slack.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports every timer it arms (created or changed to a
/// finite due time), so a test can wait until the code under test is waiting (e.g. for
/// <c>Retry-After</c>), check how long, then advance.
/// </summary>
internal sealed class TimerRecordingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _armed = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new RecordingTimer(base.CreateTimer(callback, state, dueTime, period), _armed.Writer);
        RecordingTimer.Record(_armed.Writer, dueTime);
        return timer;
    }

    /// <summary>Skips armed timers until one matches; fails after a short real-time timeout.</summary>
    public async Task<TimeSpan> NextTimerAsync(Func<TimeSpan, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var dueTime = await _armed.Reader.ReadAsync(timeout.Token);
            if (match(dueTime))
            {
                return dueTime;
            }
        }
    }

    // CancellationTokenSource(delay, timeProvider) creates an infinite timer and arms it with Change.
    private sealed class RecordingTimer(ITimer inner, ChannelWriter<TimeSpan> armed) : ITimer
    {
        public static void Record(ChannelWriter<TimeSpan> armed, TimeSpan dueTime)
        {
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                armed.TryWrite(dueTime);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            Record(armed, dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
