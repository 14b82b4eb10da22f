using AsyncCoach.Nudges;
using AsyncCoach.Storage;
using Microsoft.Extensions.Options;

namespace AsyncCoach.AppHome;

/// <summary>Asks the outbox to (re)publish a person's Home tab, coalescing repeated requests.</summary>
public sealed partial class HomePublisher(
    IHomeViewStore store, IOutboxStore outbox, OutboxSignal signal, TimeProvider time, IOptions<HomeOptions> options, ILogger<HomePublisher> logger)
{
    /// <summary>
    /// Queues a publish of <paramref name="userId"/>'s tab; <paramref name="changed"/> is true after
    /// a change of state (a button, the modal), which publishes even right after the last one.
    /// </summary>
    public async Task RequestAsync(string teamId, string userId, bool changed, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var id = await store.RequestAsync(teamId, userId, changed, settings.CoalesceWindow, settings.Expiry, time.GetUtcNow(), cancellationToken);
        if (id is { } rowId)
        {
            signal.Notify();
            Log.Requested(logger, rowId);
        }
        else
        {
            Log.Coalesced(logger);
        }
    }

    /// <summary>Queues a digest preview for a lead (<see cref="DigestPreviewSender"/>); a second click at the same instant is the same preview.</summary>
    public async Task RequestDigestPreviewAsync(string teamId, string leadId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var key = now.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var message = new OutboxMessage(DigestPreviewSender.PreviewKind, teamId, leadId, key, "{}", now + options.Value.Expiry);
        if (await outbox.TryEnqueueAsync(message, now, cancellationToken) is { } id)
        {
            signal.Notify();
            Log.Requested(logger, id);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2601, Level = LogLevel.Debug, Message = "Home tab publish {OutboxId} queued")]
        public static partial void Requested(ILogger logger, long outboxId);

        [LoggerMessage(EventId = 2602, Level = LogLevel.Debug, Message = "Home tab publish coalesced with one pending or just sent")]
        public static partial void Coalesced(ILogger logger);
    }
}
