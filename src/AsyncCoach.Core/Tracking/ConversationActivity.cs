using AsyncCoach.Core.Model;

namespace AsyncCoach.Core.Tracking;

/// <summary>
/// What a conversation's recent history tells the rules, without any text: who posted when in the
/// last 15 minutes (thread replies included) and the last few top-level messages for message-burst.
/// Owned and updated by <see cref="ConversationTracker"/>; rules only read it.
/// </summary>
public sealed class ConversationActivity
{
    /// <summary>How far back "recently posted" reaches (after-hours-ping).</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromMinutes(15);

    internal const int BurstDepth = 3;

    private readonly Dictionary<UserId, DateTimeOffset> _lastPosted = [];
    private readonly TopLevelEntry[] _recentTopLevel = new TopLevelEntry[BurstDepth];
    private int _recentCount;

    /// <summary>An activity with no history: what a message evaluated on its own sees.</summary>
    public static ConversationActivity Empty { get; } = new(); // never recorded into: only trackers record, into their own

    /// <summary>Whether the current run of short top-level messages already raised message-burst.</summary>
    public bool BurstRaised { get; private set; }

    /// <summary>The previous top-level messages (up to three), oldest first.</summary>
    public ReadOnlySpan<TopLevelEntry> RecentTopLevel => _recentTopLevel.AsSpan(0, _recentCount);

    internal int PostersTracked => _lastPosted.Count;

    /// <summary>When <paramref name="user"/> last posted here (top-level or in a thread), if within the window.</summary>
    public DateTimeOffset? LastPostedAt(UserId user) => _lastPosted.TryGetValue(user, out var at) ? at : null;

    /// <summary>Whether <paramref name="user"/> posted here in the 15 minutes up to <paramref name="at"/> (inclusive).</summary>
    public bool PostedRecently(UserId user, DateTimeOffset at) =>
        _lastPosted.TryGetValue(user, out var last) && last <= at && at - last <= RecentWindow;

    internal void Record(ChatMessage message, DateTimeOffset time, bool burstRaised)
    {
        _lastPosted[message.Author] = _lastPosted.TryGetValue(message.Author, out var last) && last > time ? last : time;
        if (_lastPosted.Count > 16)
        {
            Prune(time);
        }

        if (message.IsThreadReply)
        {
            return; // thread replies neither count toward a burst nor break one
        }

        var entry = new TopLevelEntry(message.Author, time, message.Text.Length < MessageBurstLimits.MaxLength);
        var previous = _recentCount > 0 ? _recentTopLevel[_recentCount - 1] : (TopLevelEntry?)null;
        if (previous is not { } p || p.Author != entry.Author || !entry.IsShort)
        {
            BurstRaised = false; // a new run starts
        }

        BurstRaised |= burstRaised;
        if (_recentCount == BurstDepth)
        {
            Array.Copy(_recentTopLevel, 1, _recentTopLevel, 0, BurstDepth - 1);
            _recentCount--;
        }

        _recentTopLevel[_recentCount++] = entry;
    }

    internal void Prune(DateTimeOffset now)
    {
        List<UserId>? stale = null;
        foreach (var (user, at) in _lastPosted)
        {
            if (now - at > RecentWindow)
            {
                (stale ??= []).Add(user);
            }
        }

        stale?.ForEach(u => _lastPosted.Remove(u));
    }
}
