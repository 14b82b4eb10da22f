using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;

namespace AsyncCoach.Core.Tracking;

/// <summary>
/// Feeds messages to the <see cref="RuleEngine"/> with each conversation's recent activity, and
/// holds missing-context findings back for the grace window. Driven by event time (message
/// times and <see cref="AdvanceTo"/>), never by a clock, so live events and audits behave alike.
/// Keyed by (team, channel); keeps no message text; forgets idle conversations.
/// </summary>
/// <remarks>
/// Not thread-safe: callers serialise calls (the inbox processor handles one event at a time, an
/// audit streams one message at a time). The <see cref="RuleEngine"/> itself may be shared.
/// </remarks>
public sealed class ConversationTracker(RuleEngine engine)
{
    /// <summary>How long after its last message a conversation with nothing pending is forgotten.</summary>
    public static readonly TimeSpan IdleAfter = ConversationActivity.RecentWindow;

    private const int SweepEvery = 4096;
    private static readonly Finding[] None = [];

    private readonly Dictionary<(TeamId, ChannelId), ConversationState> _conversations = [];
    private readonly PriorityQueue<Pending, DateTimeOffset> _due = new();
    private List<PendingChange>? _changes;
    private int _sinceSweep;

    // Conversations held back, and their pending findings that came due meanwhile (put back in _due when the holds end).
    private HashSet<(TeamId, ChannelId)>? _held;
    private List<(Pending Pending, DateTimeOffset Due)>? _heldDue;

    /// <summary>
    /// Whether the tracker keeps a journal of its pending findings coming and going
    /// (<see cref="DrainPendingChanges"/>), for a host that keeps them durable across a restart.
    /// </summary>
    public bool JournalsPending { get; init; }

    /// <summary>Conversations currently remembered (bounded by eviction of idle ones).</summary>
    internal int ConversationCount => _conversations.Count;

    /// <summary>Missing-context findings waiting out their grace window.</summary>
    public int PendingCount { get; private set; }

    /// <summary>
    /// Evaluates one human message at its event time (<c>message.Time</c>). Returns the findings final now:
    /// this message's findings except a pending missing-context one, plus pending findings of earlier
    /// messages that this message's time released. Advances event time first.
    /// </summary>
    public IReadOnlyList<Finding> Observe(ChatMessage message, MessageContext context)
    {
        var now = message.Time;
        var released = Release(now);
        var state = StateFor(message.Team, message.Channel);
        var findings = EvaluateInto(message, now, context, state, released);
        state.LastSeen = now > state.LastSeen ? now : state.LastSeen;
        SweepIfDue(now);
        return findings ?? (IReadOnlyList<Finding>)None;
    }

    /// <summary>Advances event time without a message (live: a timer; audit: end of a conversation) and releases due pending findings.</summary>
    public IReadOnlyList<Finding> AdvanceTo(DateTimeOffset eventTime)
    {
        var released = Release(eventTime);
        Sweep(eventTime);
        return released ?? (IReadOnlyList<Finding>)None;
    }

    /// <summary>
    /// Holds back the conversation's pending findings until <see cref="ClearHolds"/>: event time
    /// (a later message of another conversation, or <see cref="AdvanceTo"/>) does not release them
    /// meanwhile, because one of the conversation's events is acknowledged but not processed yet
    /// (it failed and waits for another attempt, or waits for its lookups) and may be their
    /// follow-up. A follow-up processed meanwhile still cancels them.
    /// </summary>
    public void HoldBack(TeamId team, ChannelId channel) => (_held ??= []).Add((team, channel));

    /// <summary>Ends every hold: what came due while held is released at the next advance of event time.</summary>
    public void ClearHolds()
    {
        _held?.Clear();
        if (_heldDue is not { Count: > 0 } heldDue)
        {
            return;
        }

        foreach (var (pending, due) in heldDue)
        {
            _due.Enqueue(pending, due);
        }

        heldDue.Clear();
    }

    /// <summary>Releases every pending finding (end of an audit).</summary>
    public IReadOnlyList<Finding> Flush()
    {
        ClearHolds();
        List<Finding>? released = null;
        while (_due.TryDequeue(out var pending, out _))
        {
            if (pending.Owner.Remove(pending))
            {
                PendingCount--;
                Ended(pending);
                (released ??= []).Add(pending.Finding);
            }
        }

        return released ?? (IReadOnlyList<Finding>)None;
    }

    /// <summary>
    /// The pending findings added and ended (released, cancelled, retracted, replaced) since the
    /// last call, in order; empty unless <see cref="JournalsPending"/>.
    /// </summary>
    public IReadOnlyList<PendingChange> DrainPendingChanges()
    {
        if (_changes is not { Count: > 0 } changes)
        {
            return [];
        }

        _changes = null;
        return changes;
    }

    /// <summary>
    /// Puts back a finding that was pending when the process stopped, due at <paramref name="due"/>:
    /// a follow-up can still cancel it, and it is released when its window has passed. Not journaled.
    /// </summary>
    public void Restore(Finding finding, DateTimeOffset due)
    {
        var state = StateFor(finding.Team, finding.Channel);
        if (state.FindPending(finding.Ts) is not null)
        {
            return;
        }

        AddPending(state, finding, due, journal: false);
        state.LastSeen = finding.At > state.LastSeen ? finding.At : state.LastSeen;
    }

    /// <summary>
    /// Drops every pending finding of <paramref name="author"/> in <paramref name="team"/> (they
    /// asked to be forgotten: a greeting of theirs must not be recorded a minute later). Returns how many.
    /// </summary>
    public int ForgetAuthor(TeamId team, UserId author)
    {
        var dropped = 0;
        foreach (var ((stateTeam, _), state) in _conversations)
        {
            if (stateTeam != team || state.Pending is not { Count: > 0 } pendings)
            {
                continue;
            }

            foreach (var pending in pendings.Where(p => p.Finding.Author == author).ToList())
            {
                state.Remove(pending);
                PendingCount--;
                Ended(pending);
                dropped++;
            }
        }

        return dropped;
    }

    /// <summary>
    /// Forgets the conversations <paramref name="conversation"/> selects, with their pending findings,
    /// not journaled: they stay stored for the process that takes those conversations over (this one
    /// no longer processes them). Returns how many pending findings were dropped.
    /// </summary>
    public int Forget(Func<TeamId, ChannelId, bool> conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var dropped = 0;
        foreach (var key in _conversations.Keys.Where(key => conversation(key.Item1, key.Item2)).ToList())
        {
            var state = _conversations[key];
            // Their entries in the due queue find their owner's list empty and are skipped.
            dropped += state.Pending?.Count ?? 0;
            state.Pending?.Clear();
            _conversations.Remove(key);
        }

        PendingCount -= dropped;
        // Changes not yet written belong to the new owner's stored state now: never write them from here.
        _changes?.RemoveAll(change => conversation(change.Finding.Team, change.Finding.Channel));
        return dropped;
    }

    /// <summary>message_deleted: drops a pending finding for that message. True if one was dropped.</summary>
    public bool Retract(TeamId team, ChannelId channel, MessageTs ts)
    {
        if (!_conversations.TryGetValue((team, channel), out var state) || state.FindPending(ts) is not { } pending)
        {
            return false;
        }

        state.Remove(pending);
        PendingCount--;
        Ended(pending);
        return true;
    }

    /// <summary>
    /// message_changed: re-evaluates an edited message, replacing its pending finding if any. The
    /// caller only calls it when no nudge went out yet. Activity is not recorded twice, and the
    /// grace window still runs from the original post.
    /// </summary>
    public IReadOnlyList<Finding> ObserveEdit(ChatMessage edited, MessageContext context)
    {
        var state = StateFor(edited.Team, edited.Channel);
        if (state.FindPending(edited.Ts) is { } old)
        {
            state.Remove(old);
            PendingCount--;
            Ended(old);
        }

        var time = edited.Time;
        var findings = engine.Evaluate(edited, time, context, state.Activity, out _);
        List<Finding>? final = null;
        foreach (var finding in findings)
        {
            if (finding.RuleId == RuleIds.MessageBurst)
            {
                continue; // the burst was judged when the message was posted; an edit adds no notification
            }

            if (finding.RuleId == RuleIds.MissingContext)
            {
                AddPending(state, finding, time + context.Norms.GraceWindow);
                continue;
            }

            (final ??= []).Add(finding);
        }

        return final ?? (IReadOnlyList<Finding>)None;
    }

    private List<Finding>? EvaluateInto(ChatMessage message, DateTimeOffset time, MessageContext context, ConversationState state, List<Finding>? output)
    {
        var findings = engine.Evaluate(message, time, context, state.Activity, out var naked);
        if (!naked)
        {
            CancelByFollowUp(state, message, time, context);
        }

        var burst = false;
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            burst |= finding.RuleId == RuleIds.MessageBurst;
            if (finding.RuleId == RuleIds.MissingContext)
            {
                AddPending(state, finding, time + context.Norms.GraceWindow);
                continue;
            }

            (output ??= []).Add(finding);
        }

        state.Activity.Record(message, time, burst);
        return output;
    }

    // A follow-up by the same author, top-level or in the naked message's thread, at most the grace window later, that states a purpose.
    private void CancelByFollowUp(ConversationState state, ChatMessage message, DateTimeOffset time, MessageContext context)
    {
        if (state.Pending is not { Count: > 0 } pendings)
        {
            return;
        }

        for (var i = pendings.Count - 1; i >= 0; i--)
        {
            var pending = pendings[i];
            var elapsed = time - pending.Finding.At;
            if (pending.Finding.Author == message.Author
                && elapsed >= TimeSpan.Zero
                && elapsed <= context.Norms.GraceWindow
                && message.Ts != pending.Finding.Ts
                && (!message.IsThreadReply || message.ThreadTs == pending.Finding.Ts))
            {
                state.Remove(pending);
                PendingCount--;
                Ended(pending);
            }
        }
    }

    private void AddPending(ConversationState state, Finding finding, DateTimeOffset due, bool journal = true)
    {
        var pending = new Pending(finding, state);
        (state.Pending ??= []).Add(pending);
        PendingCount++;
        _due.Enqueue(pending, due);
        if (journal && JournalsPending)
        {
            (_changes ??= []).Add(new PendingChange(finding, due));
        }
    }

    private void Ended(Pending pending)
    {
        if (JournalsPending)
        {
            (_changes ??= []).Add(new PendingChange(pending.Finding, null));
        }
    }

    // Releases pending findings whose window has passed: due strictly before now (a follow-up exactly at the window's end still counts).
    private List<Finding>? Release(DateTimeOffset now)
    {
        List<Finding>? released = null;
        while (_due.TryPeek(out var pending, out var due) && due < now)
        {
            _due.Dequeue();
            if (_held is { Count: > 0 } held && held.Contains((pending.Finding.Team, pending.Finding.Channel)))
            {
                (_heldDue ??= []).Add((pending, due));
                continue;
            }

            if (pending.Owner.Remove(pending))
            {
                PendingCount--;
                Ended(pending);
                (released ??= []).Add(pending.Finding);
            }
        }

        return released;
    }

    private ConversationState StateFor(TeamId team, ChannelId channel)
    {
        if (!_conversations.TryGetValue((team, channel), out var state))
        {
            _conversations[(team, channel)] = state = new ConversationState();
        }

        return state;
    }

    private void SweepIfDue(DateTimeOffset now)
    {
        if (++_sinceSweep >= SweepEvery)
        {
            Sweep(now);
        }
    }

    // Forget conversations idle for longer than any window needs (either side of now: an audit may stream
    // one channel after another, so a finished channel can lie "in the future").
    private void Sweep(DateTimeOffset now)
    {
        _sinceSweep = 0;
        List<(TeamId, ChannelId)>? idle = null;
        foreach (var (key, state) in _conversations)
        {
            if (state.Pending is not { Count: > 0 } && (now - state.LastSeen).Duration() > IdleAfter)
            {
                (idle ??= []).Add(key);
            }
            else
            {
                state.Activity.Prune(now);
            }
        }

        idle?.ForEach(key => _conversations.Remove(key));
    }

    private sealed class ConversationState
    {
        public ConversationActivity Activity { get; } = new();

        public List<Pending>? Pending { get; set; }

        public DateTimeOffset LastSeen { get; set; } = DateTimeOffset.MinValue;

        public Pending? FindPending(MessageTs ts) => Pending?.Find(p => p.Finding.Ts == ts);

        public bool Remove(Pending pending) => Pending?.Remove(pending) == true;
    }

    private sealed class Pending(Finding finding, ConversationState owner)
    {
        public Finding Finding { get; } = finding;

        public ConversationState Owner { get; } = owner;
    }
}
