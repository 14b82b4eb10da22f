using AsyncCoach.Core.Model;
using AsyncCoach.Pipeline;
using AsyncCoach.Storage;

namespace AsyncCoach.Nudges;

/// <summary>A message counts as nudged once its outbox row exists (and did not expire): an edit is then not re-evaluated.</summary>
public sealed class OutboxNudgeLedger(INudgeStore store) : INudgeLedger
{
    public Task<bool> WasNudgedAsync(TeamId team, ChannelId channel, MessageTs ts, CancellationToken cancellationToken) =>
        store.ExistsForMessageAsync(team.Value, channel.Value, ts.Value, cancellationToken);
}
