namespace AsyncCoach.Pipeline;

/// <summary>
/// Which (team, UTC hour, person) rows of <c>activity_people</c> are already committed, for the
/// latest two hours, so a round inserts a row only for a person's first message in an hour
/// rather than for every message (one insert per event cost the hot path about a tenth of its
/// CPU; docs/benchmarks.md). Remembered only after the round's transaction is durable. A miss
/// only costs an insert that does nothing (ON CONFLICT DO NOTHING); the set is capped.
/// </summary>
public sealed class ActivityPeopleSeen
{
    private const int MaxPerHour = 200_000;

    private readonly Lock _gate = new();
    private (DateTimeOffset Hour, HashSet<(string Team, string Author)> People) _latest = (DateTimeOffset.MinValue, []);
    private (DateTimeOffset Hour, HashSet<(string Team, string Author)> People) _before = (DateTimeOffset.MinValue, []);

    public bool IsKnown(string team, DateTimeOffset hour, string author)
    {
        lock (_gate)
        {
            return (hour == _latest.Hour && _latest.People.Contains((team, author)))
                || (hour == _before.Hour && _before.People.Contains((team, author)));
        }
    }

    public void Remember(IEnumerable<(string Team, DateTimeOffset Hour, string Author)> rows)
    {
        lock (_gate)
        {
            foreach (var (team, hour, author) in rows)
            {
                if (hour > _latest.Hour)
                {
                    _before = hour == _latest.Hour.AddHours(1) ? _latest : (DateTimeOffset.MinValue, []);
                    _latest = (hour, []);
                }

                var set = hour == _latest.Hour ? _latest.People : hour == _before.Hour ? _before.People : null;
                if (set is { Count: < MaxPerHour })
                {
                    set.Add((team, author));
                }
            }
        }
    }
}
