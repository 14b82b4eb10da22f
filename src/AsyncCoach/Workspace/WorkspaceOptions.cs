namespace AsyncCoach.Workspace;

/// <summary>The live directory's caches and Slack budgets, and the inbox look-ahead (<c>Workspace:*</c>).</summary>
public sealed class WorkspaceOptions
{
    public const string Section = "Workspace";

    /// <summary>People kept in memory over all workspaces; past it the least recently used are dropped.</summary>
    public int MaxPeople { get; set; } = 100_000;

    /// <summary>Conversations (with their member lists) kept in memory over all workspaces.</summary>
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>A person is asked again after this long (a changed time zone is picked up within the day).</summary>
    public TimeSpan PeopleTtl { get; set; } = TimeSpan.FromHours(12);

    public TimeSpan ConversationTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After a failed lookup, how long the person or conversation counts as unknown before Slack is asked again.</summary>
    public TimeSpan FailedLookupTtl { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long an event waits for its lookups before it is judged with what is known. Shorter than
    /// the shortest sensible grace window (docs/decisions.md, "Look-ahead").
    /// </summary>
    public TimeSpan MaxLookupWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many acknowledged events the processor looks at ahead of the round to start their lookups.</summary>
    public int LookAheadWindow { get; set; } = 1024;

    /// <summary>Calls in flight at once per workspace and method (<c>users.info</c>, <c>conversations.members</c>).</summary>
    public int CallsInFlightPerMethod { get; set; } = 4;

    /// <summary>Tier 4 (<c>users.info</c>, <c>conversations.members</c>): calls per minute per workspace and method.</summary>
    public int Tier4PerMinute { get; set; } = 100;

    /// <summary>Tier 2 (<c>users.list</c>): calls per minute per workspace.</summary>
    public int Tier2PerMinute { get; set; } = 20;

    /// <summary>Members asked for per <c>users.list</c> page (Slack advises at most 200).</summary>
    public int UsersListPageSize { get; set; } = 200;
}
