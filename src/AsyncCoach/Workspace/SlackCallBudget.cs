using System.Collections.Concurrent;
using AsyncCoach.Core.Model;

namespace AsyncCoach.Workspace;

/// <summary>
/// Keeps one workspace's lookups within Slack's limits for that workspace and method
/// (slack-platform.md §7: per method, per app, per workspace): at most a few calls in flight, and
/// a token bucket of one minute's allowance that refills continuously, on <see cref="TimeProvider"/>.
/// Each (team, method) has its own lane, so one workspace waiting for its budget (or a
/// <c>Retry-After</c>) never holds up another.
/// </summary>
public sealed class SlackCallBudget(int inFlight, TimeProvider time)
{
    private readonly ConcurrentDictionary<(TeamId, string), Lane> _lanes = new();

    /// <summary>Waits for a slot and a token of <paramref name="method"/>'s lane for <paramref name="team"/>; dispose the result when the call is over.</summary>
    public async Task<IDisposable> EnterAsync(TeamId team, string method, int perMinute, CancellationToken cancellationToken)
    {
        var lane = _lanes.GetOrAdd((team, method), static (_, state) => new Lane(state.inFlight, state.perMinute, state.time), (inFlight, perMinute, time));
        await lane.Slots.WaitAsync(cancellationToken);
        try
        {
            while (lane.TryTake() is { } wait)
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            return lane;
        }
        catch
        {
            lane.Slots.Release();
            throw;
        }
    }

    private sealed class Lane(int inFlight, int perMinute, TimeProvider time) : IDisposable
    {
        private readonly Lock _gate = new();
        private readonly double _perSecond = perMinute / 60.0;
        private double _tokens = perMinute;
        private long _refilledAt = time.GetTimestamp();

        public SemaphoreSlim Slots { get; } = new(inFlight, inFlight);

        /// <summary>Takes a token (null) or says how long until one is there.</summary>
        public TimeSpan? TryTake()
        {
            lock (_gate)
            {
                var now = time.GetTimestamp();
                _tokens = Math.Min(perMinute, _tokens + (time.GetElapsedTime(_refilledAt, now).TotalSeconds * _perSecond));
                _refilledAt = now;
                if (_tokens >= 1)
                {
                    _tokens -= 1;
                    return null;
                }

                return TimeSpan.FromSeconds((1 - _tokens) / _perSecond);
            }
        }

        public void Dispose() => Slots.Release();
    }
}
