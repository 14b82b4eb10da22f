using System.Diagnostics;
using System.Text.Json;
using AsyncCoach.Core.Nudges;
using AsyncCoach.Core.Rules;
using AsyncCoach.Observability;
using AsyncCoach.Pipeline;
using AsyncCoach.Storage;
using AsyncCoach.Workspace;

namespace AsyncCoach.Nudges;

/// <summary>
/// Records findings and, in the same transaction (the inbox round's), writes at most one nudge
/// per message to the outbox as <see cref="NudgePolicy"/> decides. A message that already has a
/// nudge gets no second one: a missing-context finding released after its grace window for a
/// message that was already nudged (say, for huddle-instead-of-thread) is recorded but not
/// nudged again. A nudge whose team's lane can take it now is written already claimed and handed
/// to the sender after the commit (<see cref="OutboxHandoff"/>); any other waits, pending, for the
/// sender's next round.
/// </summary>
public sealed partial class NudgingFindingSink(
    IFindingStore findingStore,
    INudgeStore nudges,
    INormsStore norms,
    IPersonSettingsStore people,
    IWorkspaceDirectory directory,
    OutboxSignal signal,
    OutboxHandoff handoff,
    TimeProvider time,
    AsyncCoachMetrics metrics,
    ILogger<NudgingFindingSink> logger) : IFindingSink
{
    private readonly List<Finding> _findings = [];
    private readonly List<StagedMessage> _messages = [];
    private readonly List<(long Id, ActivityContext Trace)> _queued = [];

    // Written claimed: handed to the sender's lanes once the transaction is durable.
    private readonly List<OutboxRow> _claimed = [];

    // Written pending: the sender is woken to read and claim them.
    private bool _pending;

    /// <summary>Stages the findings and looks up what the policy needs (cached reads, no writes).</summary>
    public async Task AcceptAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        if (findings.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        _findings.AddRange(findings);
        foreach (var message in findings.GroupBy(f => (f.Team, f.Channel, f.Ts)))
        {
            var first = message.First();
            var settings = await people.GetAsync(first.Team.Value, first.Author.Value, cancellationToken);
            var zone = settings.TimeZone ?? (await directory.GetPersonAsync(first.Team, first.Author, cancellationToken))?.TimeZoneId;
            _messages.Add(new StagedMessage([.. message], await norms.GetAsync(first.Team.Value, cancellationToken),
                new NudgeAuthorState(settings.SnoozeUntil, settings.OptedOut), NudgeDay.StartOf(now, zone), Activity.Current?.Context ?? default));
        }
    }

    /// <summary>
    /// Records the staged findings and decides each message's nudge in the caller's transaction:
    /// the caps count nudges written earlier in the same transaction.
    /// </summary>
    public async Task WriteAsync(IStorageTransaction transaction, CancellationToken cancellationToken)
    {
        if (_findings.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        await findingStore.AddAsync(transaction, _findings, cancellationToken);
        // Each author's counts are read once per transaction and then kept up to date here: a
        // round can hold several messages from one person (a burst, a catch-up after a restart),
        // and every query here runs while acknowledgements wait for the write turn.
        var counted = new Dictionary<(string Team, string Author, DateTimeOffset DayStart), NudgeCounts>();
        foreach (var (messageFindings, teamNorms, author, dayStart, trace) in _messages)
        {
            var first = messageFindings[0];
            var key = (first.Team.Value, first.Author.Value, dayStart);
            if (!counted.TryGetValue(key, out var counts))
            {
                counts = await nudges.CountsAsync(transaction, key.Item1, key.Item2, dayStart, cancellationToken);
                counted[key] = counts;
            }

            var decision = NudgePolicy.Decide(new NudgeInput(messageFindings, teamNorms, author, counts, now));
            if (!decision.Nudges)
            {
                Log.NotNudged(logger, decision.Skip);
                continue;
            }

            var content = NudgeComposer.Compose(decision.Findings);
            string[] ruleIds = [.. decision.Findings.Select(f => f.RuleId)];
            var claimed = decision.ExpiresAt > now && handoff.Takes(first.Team.Value, now);
            var nudge = new NewNudge(
                first.Team.Value, first.Channel.Value, first.Ts.Value, first.ThreadTs?.Value, first.Author.Value, decision.Delivery,
                JsonSerializer.Serialize(content, NudgeJsonContext.Default.NudgeContent),
                decision.ExpiresAt, dayStart, ruleIds, claimed);
            var id = await nudges.TryAddAsync(transaction, nudge, now, cancellationToken);
            if (id is null)
            {
                Log.AlreadyNudged(logger);
                continue;
            }

            counted[key] = counts.WithNudge(ruleIds);
            _queued.Add((id.Value, trace));
            if (claimed)
            {
                // As the outbox's claim returns it: attempts before this one, the payload to send.
                _claimed.Add(new OutboxRow(id.Value, nudge.TeamId, nudge.ChannelId, nudge.MessageTs, nudge.ThreadTs, nudge.AuthorId,
                    nudge.Delivery.ToString(), nudge.ContentJson, IOutboxStore.Sending, 0, nudge.ExpiresAt, IOutboxStore.NudgeKind)
                { Payload = content });
            }
            else
            {
                _pending = true;
            }
        }
    }

    /// <summary>The transaction is durable: hand the claimed nudges to the sender, wake it for the pending ones.</summary>
    public void Committed()
    {
        // Counted (and each nudge's trace handed on) before the sender is woken: a sender that
        // claimed the row first would start its send without the trace it belongs to.
        metrics.FindingsCommitted(_findings, _queued);
        foreach (var row in _claimed)
        {
            handoff.HandOver(row);
        }

        if (_pending)
        {
            signal.Notify();
        }

        _findings.Clear();
        _messages.Clear();
        _queued.Clear();
        _claimed.Clear();
        _pending = false;
    }

    private sealed record StagedMessage(
        IReadOnlyList<Finding> Findings, Core.Norms.TeamNorms Norms, NudgeAuthorState Author, DateTimeOffset DayStart, ActivityContext Trace);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1801, Level = LogLevel.Debug, Message = "Findings recorded without a nudge: {Reason}")]
        public static partial void NotNudged(ILogger logger, NudgeSkip reason);

        [LoggerMessage(EventId = 1802, Level = LogLevel.Debug, Message = "The message already has a nudge; no second one")]
        public static partial void AlreadyNudged(ILogger logger);
    }
}
