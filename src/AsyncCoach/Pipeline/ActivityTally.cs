using AsyncCoach.Core.Digests;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using AsyncCoach.Storage;

namespace AsyncCoach.Pipeline;

/// <summary>
/// One inbox round's activity, counted in memory as messages are observed and written once, in the
/// round's transaction (an UPSERT per team, UTC hour and channel kind touched, and a row per
/// person and hour for the privacy floor's distinct counts). Scoped: one per round.
/// </summary>
public sealed class ActivityTally(ActivityPeopleSeen seen, IActivityStore store)
{
    private readonly Dictionary<(string Team, DateTimeOffset Hour, string Kind), (int Messages, int AfterHours)> _counts = [];
    private readonly HashSet<(string Team, DateTimeOffset Hour, string Author)> _people = [];

    /// <summary>A new message and the findings observing it returned (edits and deletions are not new messages).</summary>
    public void Seen(ChatMessage message, IReadOnlyList<Finding> observed)
    {
        if (!AfterHoursReach.Counts(message))
        {
            return;
        }

        var hour = ActivityClock.HourOf(message.Time);
        var key = (message.Team.Value, hour, AfterHoursReach.KindName(message.Kind));
        var (messages, afterHours) = _counts.GetValueOrDefault(key);
        _counts[key] = (messages + 1, afterHours + (AfterHoursReach.Reached(message, observed).Count > 0 ? 1 : 0));
        if (!seen.IsKnown(message.Team.Value, hour, message.Author.Value))
        {
            _people.Add((message.Team.Value, hour, message.Author.Value));
        }
    }

    /// <summary>Writes the round's counts in the caller's transaction.</summary>
    public void Write(IStorageTransaction transaction)
    {
        if (_counts.Count > 0)
        {
            store.Add(transaction,
                _counts.Select(c => new ActivityDelta(c.Key.Team, c.Key.Hour, c.Key.Kind, c.Value.Messages, c.Value.AfterHours)), _people);
        }
    }

    /// <summary>The transaction is durable: remember who is written, and start afresh.</summary>
    public void Committed()
    {
        seen.Remember(_people);
        _counts.Clear();
        _people.Clear();
    }
}
