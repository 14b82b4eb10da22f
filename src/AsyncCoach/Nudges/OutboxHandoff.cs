using AsyncCoach.Storage;

namespace AsyncCoach.Nudges;

/// <summary>
/// Lets the inbox round hand its nudges straight to the sender's lanes. Under a trickle nearly
/// every nudge was a sender round of its own: a read of what is due, a claim commit, the call,
/// an end commit, and each of those commits by another connection made the inbox connection
/// re-read its pages. Instead the round asks <see cref="Takes"/> while it writes: when the team's
/// lane has room and no rate-limit hold, the row is written already claimed (<c>sending</c>) in
/// the round's own transaction, so it is claimed durably before any call as the outbox requires,
/// and after the commit <see cref="HandOver"/> puts it in the lane, with no read and no claim
/// commit. A crash between that commit and the call leaves it <c>sending</c>, ended as
/// interrupted at the next start (never sent twice). A row the lanes cannot take after all (the
/// sender stopped, or the lane stopped for a 429 or a revoked token meanwhile) is given back:
/// pending again, after the team's hold. Open only while the sender runs, after its start-up
/// recovery (a row claimed before that would be ended by it).
/// </summary>
public sealed partial class OutboxHandoff(IOutboxStore store, OutboxSignal signal, TimeProvider time, ILogger<OutboxHandoff> logger)
{
    private volatile OutboxLanes? _lanes;

    internal void Open(OutboxLanes lanes) => _lanes = lanes;

    /// <summary>Whether a nudge for <paramref name="teamId"/> written now should be written claimed and handed over.</summary>
    public bool Takes(string teamId, DateTimeOffset now) => _lanes is { } lanes && lanes.Takes(teamId, now);

    /// <summary>After the commit that wrote <paramref name="row"/> claimed: into its team's lane, or given back.</summary>
    public void HandOver(OutboxRow row)
    {
        var lanes = _lanes;
        if (lanes is not null && lanes.TryHandOver(row))
        {
            return;
        }

        _ = GiveBackAsync(lanes, row);
    }

    private async Task GiveBackAsync(OutboxLanes? lanes, OutboxRow row)
    {
        try
        {
            if (lanes is null)
            {
                await store.ReleaseAsync(row.Id, time.GetUtcNow(), CancellationToken.None);
            }
            else
            {
                await lanes.ReleaseAsync(row);
            }

            signal.Notify();
        }
        catch (Exception ex)
        {
            // Left 'sending': ended as interrupted at the next start, never sent twice.
            Log.GiveBackFailed(logger, row.Id, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4000, Level = LogLevel.Error, Message = "Outbox row {OutboxId} was written claimed but no lane took it, and giving it back failed; it is ended as interrupted at the next start")]
        public static partial void GiveBackFailed(ILogger logger, long outboxId, Exception exception);
    }
}
