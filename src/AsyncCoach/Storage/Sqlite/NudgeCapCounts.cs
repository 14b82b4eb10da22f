using AsyncCoach.Core.Nudges;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>
/// The caps' counts (<see cref="NudgeStore.CountsAsync"/>) kept in memory per author, so the
/// inbox round does not read every nudge of the author's day (and the pages they sit on) for
/// every message with a finding. Exact: an entry is what the database held at a commit, and it
/// only changes at the commit of a transaction that read or added that author's nudges (so a
/// rolled-back round changes nothing). Every SQLite write runs in the process's one write turn,
/// so a count read in a round cannot race a write. A write that may end a counted nudge as
/// expired or failed, or delete nudges, calls <see cref="Forget"/>: every entry is dropped, and a
/// transaction that read before it keeps nothing at its commit; the next round reads afresh.
/// SQLite only: PostgreSQL instances share the table, so its store counts in SQL.
/// </summary>
internal sealed class NudgeCapCounts
{
    /// <summary>Authors kept at most; beyond, everything is dropped and read again as needed.</summary>
    public const int MaxAuthors = 100_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Team, string Author), Counted> _counts = [];
    private long _generation;

    /// <summary>What a transaction read and added, applied when it commits (<see cref="SqliteWrite.CommitAsync"/>).</summary>
    public Changes Begin()
    {
        lock (_gate)
        {
            return new Changes(this, _generation);
        }
    }

    /// <summary>Drops every count: nudges ended without reaching their author, or were deleted.</summary>
    public void Forget()
    {
        lock (_gate)
        {
            _counts.Clear();
            _generation++;
        }
    }

    private bool TryGet((string Team, string Author) key, DateTimeOffset dayStart, out NudgeCounts counts)
    {
        lock (_gate)
        {
            if (_counts.TryGetValue(key, out var counted) && counted.DayStart == dayStart)
            {
                counts = counted.Counts;
                return true;
            }
        }

        counts = NudgeCounts.None;
        return false;
    }

    private void Apply(Changes changes)
    {
        lock (_gate)
        {
            foreach (var key in changes.Unknown)
            {
                _counts.Remove(key);
            }

            if (changes.Generation != _generation)
            {
                // Forgotten while the transaction ran: what it read may count a nudge that has ended since.
                return;
            }

            if (_counts.Count + changes.Known.Count > MaxAuthors)
            {
                _counts.Clear();
            }

            foreach (var (key, counted) in changes.Known)
            {
                _counts[key] = counted;
            }
        }
    }

    /// <summary>An author's nudges since <see cref="DayStart"/>, as committed.</summary>
    internal sealed record Counted(DateTimeOffset DayStart, NudgeCounts Counts);

    /// <summary>One transaction's reads and additions, for the cache at its commit.</summary>
    internal sealed class Changes(NudgeCapCounts owner, long generation)
    {
        public long Generation { get; } = generation;

        // Counts as this transaction sees them (its own additions included).
        internal Dictionary<(string Team, string Author), Counted> Known { get; } = [];

        // Authors this transaction added a nudge for without knowing their counts: dropped at the commit.
        internal HashSet<(string Team, string Author)> Unknown { get; } = [];

        /// <summary>The counts this transaction sees, without reading, when it or the cache has them.</summary>
        public bool TryGet(string teamId, string authorId, DateTimeOffset dayStart, out NudgeCounts counts)
        {
            var key = (teamId, authorId);
            if (Known.TryGetValue(key, out var counted) && counted.DayStart == dayStart)
            {
                counts = counted.Counts;
                return true;
            }

            if (!Unknown.Contains(key) && !Known.ContainsKey(key) && owner.TryGet(key, dayStart, out counts))
            {
                Known[key] = new Counted(dayStart, counts);
                return true;
            }

            counts = NudgeCounts.None;
            return false;
        }

        /// <summary>Counts read from the database inside this transaction.</summary>
        public void Read(string teamId, string authorId, DateTimeOffset dayStart, NudgeCounts counts)
        {
            var key = (teamId, authorId);
            Unknown.Remove(key);
            Known[key] = new Counted(dayStart, counts);
        }

        /// <summary>A nudge this transaction added, created at <paramref name="createdAt"/>.</summary>
        public void Added(string teamId, string authorId, DateTimeOffset createdAt, IReadOnlyList<string> ruleIds)
        {
            var key = (teamId, authorId);
            if (ruleIds.Count > 0 && Known.TryGetValue(key, out var counted) && createdAt >= counted.DayStart)
            {
                Known[key] = counted with { Counts = counted.Counts.WithNudge(ruleIds) };
                return;
            }

            Known.Remove(key);
            Unknown.Add(key);
        }

        /// <summary>The transaction committed.</summary>
        public void Committed() => owner.Apply(this);
    }
}
