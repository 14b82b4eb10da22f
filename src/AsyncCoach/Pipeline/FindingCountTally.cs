using AsyncCoach.Core.Digests;
using AsyncCoach.Core.Rules;
using AsyncCoach.Storage;

namespace AsyncCoach.Pipeline;

/// <summary>
/// One inbox round's findings per (team, channel, UTC hour, rule) and per (team, UTC hour, rule),
/// counted in memory as the round inserts them (<see cref="CountingFindingStore"/>: only rows that
/// were new) and written once, in the round's transaction: one upsert per counter touched, not one
/// per finding. Scoped: one per round.
/// </summary>
public sealed class FindingCountTally(IFindingCountStore store)
{
    private readonly Dictionary<(string Team, string Channel, DateTimeOffset Hour, string Rule), int> _counts = [];

    /// <summary>A finding the round inserted.</summary>
    public void Inserted(Finding finding)
    {
        var hour = ActivityClock.HourOf(finding.At);
        Add((finding.Team.Value, "", hour, finding.RuleId));
        Add((finding.Team.Value, finding.Channel.Value, hour, finding.RuleId));
    }

    /// <summary>Forgets what was counted (a write that starts again counts afresh).</summary>
    public void Clear() => _counts.Clear();

    /// <summary>Writes the round's counts in the caller's transaction.</summary>
    public void Write(IStorageTransaction transaction)
    {
        if (_counts.Count > 0)
        {
            store.Add(transaction, _counts.Select(c => new FindingCountDelta(c.Key.Team, c.Key.Channel, c.Key.Hour, c.Key.Rule, c.Value)));
        }
    }

    private void Add((string, string, DateTimeOffset, string) key) => _counts[key] = _counts.GetValueOrDefault(key) + 1;
}
