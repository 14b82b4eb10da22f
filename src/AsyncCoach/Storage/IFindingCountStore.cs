namespace AsyncCoach.Storage;

/// <summary>
/// The digest's findings counters (<c>finding_counts</c>: per team, channel, UTC hour and rule, with
/// channel <c>""</c> for the team's total; naming no one). Written once per inbox round, inside its
/// transaction, from the round's tally of the findings it inserted; <see cref="IDigestStore"/> reads them.
/// </summary>
public interface IFindingCountStore
{
    /// <summary>
    /// Inside the caller's transaction: adds each delta to its (team, channel, hour, rule) counter,
    /// creating it at zero first. Synchronous: it runs in every round while the write turn is held.
    /// </summary>
    void Add(IStorageTransaction transaction, IEnumerable<FindingCountDelta> deltas);
}

/// <summary>One (team, channel, UTC hour, rule) counter's increment; <see cref="ChannelId"/> <c>""</c> is the team's total.</summary>
public sealed record FindingCountDelta(string TeamId, string ChannelId, DateTimeOffset Hour, string RuleId, int Findings);
