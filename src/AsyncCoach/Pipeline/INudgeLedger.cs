using AsyncCoach.Core.Model;

namespace AsyncCoach.Pipeline;

/// <summary>Whether a nudge already went out for a message (an edit is then not re-evaluated).</summary>
public interface INudgeLedger
{
    Task<bool> WasNudgedAsync(TeamId team, ChannelId channel, MessageTs ts, CancellationToken cancellationToken);
}
