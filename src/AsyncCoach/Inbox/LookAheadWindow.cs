namespace AsyncCoach.Inbox;

/// <summary>
/// Which of the journal's oldest events go into the next round when lookups run ahead
/// (docs/decisions.md, "Look-ahead"). Every event in the window has its lookups started; an event
/// is taken once they are done, or once it has waited <c>maxWait</c> (it is then judged with what
/// is known). An event still waiting holds back the later events of its own conversation only, so
/// each conversation keeps its order while other conversations and workspaces go ahead. Events
/// taken out of order are recorded in the inbox table as usual; the journal position moves only
/// over the run of processed events at its head, so after a crash those already recorded are
/// skipped as duplicates. Used by the processor's thread only.
/// </summary>
internal sealed class LookAheadWindow(InboxLookAhead lookAhead, TimeProvider time, TimeSpan maxWait)
{
    // Keyed by each record's end position in the journal, unique while it is queued.
    private readonly Dictionary<long, PreparedEvent> _prepared = [];
    private readonly HashSet<long> _done = [];

    /// <summary>Events started on and not yet released from the journal (bounded by the window).</summary>
    public int Tracked => _prepared.Count;

    /// <summary>Starts the lookups of new events in <paramref name="window"/> and plans a round of at most <paramref name="max"/> of them.</summary>
    public RoundPlan Plan(IReadOnlyList<JournalRecord> window, int max)
    {
        var now = time.GetUtcNow();
        var records = new List<JournalRecord>();
        var prepared = new List<PreparedEvent>();
        var pending = new List<bool>();
        HashSet<(string Team, string Channel)>? waiting = null;
        foreach (var record in window)
        {
            if (_done.Contains(record.End))
            {
                continue;
            }

            if (!_prepared.TryGetValue(record.End, out var started))
            {
                _prepared[record.End] = started = lookAhead.Prepare(record.Entry);
            }

            if (records.Count == max)
            {
                continue; // the rest of the window still has its lookups started
            }

            (string, string)? conversation = record.Entry.ChannelId is { } channel ? (record.Entry.TeamId, channel) : null;
            if (conversation is { } held && waiting?.Contains(held) == true)
            {
                continue;
            }

            var ready = started.Lookups.IsCompleted;
            if (ready || now - started.Since >= maxWait)
            {
                records.Add(record);
                prepared.Add(started);
                pending.Add(!ready);
            }
            else if (conversation is { } key)
            {
                (waiting ??= []).Add(key);
            }
        }

        // The journal can be completed over the head of the window that is processed by the end of this round.
        var taken = new HashSet<long>(records.Select(r => r.End));
        var head = 0;
        while (head < window.Count && (_done.Contains(window[head].End) || taken.Contains(window[head].End)))
        {
            head++;
        }

        return new RoundPlan(records, head, head > 0 ? window[head - 1].End : 0) { Prepared = prepared, LookupsPending = pending, Waiting = waiting };
    }

    /// <summary>After the round committed: its events are done, and the first <see cref="RoundPlan.Completes"/> leave the window.</summary>
    public void Committed(IReadOnlyList<JournalRecord> window, RoundPlan plan)
    {
        foreach (var record in plan.Records)
        {
            _done.Add(record.End);
        }

        for (var i = 0; i < plan.Completes; i++)
        {
            _done.Remove(window[i].End);
            _prepared.Remove(window[i].End);
        }
    }
}

/// <summary>
/// The journal records one round processes, in order, and how far the journal is complete after
/// it: its first <see cref="Completes"/> records, up to <see cref="Position"/>.
/// </summary>
internal sealed record RoundPlan(IReadOnlyList<JournalRecord> Records, int Completes, long Position)
{
    /// <summary>Per record, what the look-ahead read and started (null without look-ahead).</summary>
    public IReadOnlyList<PreparedEvent>? Prepared { get; init; }

    /// <summary>Per record, whether it goes ahead without its lookups (null without look-ahead).</summary>
    public IReadOnlyList<bool>? LookupsPending { get; init; }

    /// <summary>The conversations whose events wait for their lookups while this round's go ahead (null when none does).</summary>
    public IReadOnlyCollection<(string Team, string Channel)>? Waiting { get; init; }

    /// <summary>Every record in arrival order, all completed by the round (no look-ahead: dry-run).</summary>
    public static RoundPlan InOrder(IReadOnlyList<JournalRecord> records) =>
        new(records, records.Count, records.Count > 0 ? records[^1].End : 0);
}
