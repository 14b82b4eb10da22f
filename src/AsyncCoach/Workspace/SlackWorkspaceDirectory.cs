using System.Collections.Concurrent;
using AsyncCoach.Core.Model;
using AsyncCoach.Installations;
using AsyncCoach.Slack.WebApi;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Workspace;

/// <summary>
/// Live directory, each workspace asked with its own token (<see cref="ISlackClientFactory"/>): people from <c>users.list</c> (a whole workspace at once, <see cref="WarmAsync"/>),
/// <c>user_change</c>/<c>team_join</c> events (<see cref="Remember"/>) and, for anyone not known
/// yet, <c>users.info</c>; conversation members from <c>conversations.members</c>. Both caches are
/// bounded in size and age (<see cref="WorkspaceOptions"/>). Every call goes through its
/// workspace's lane of <see cref="SlackCallBudget"/>, and one lookup serves everyone who asks for
/// the same person or conversation meanwhile. A person Slack does not know is remembered as
/// unknown; a failed lookup is remembered for <see cref="WorkspaceOptions.FailedLookupTtl"/> and
/// the message is judged without it (no finding without evidence).
/// </summary>
public sealed partial class SlackWorkspaceDirectory : IWorkspaceDirectory, IDisposable
{
    private const string UsersInfo = "users.info";
    private const string UsersList = "users.list";
    private const string ConversationsMembers = "conversations.members";

    // How long a lookup waits for its workspace's users.list to finish before asking users.info:
    // a small workspace is listed in a second or two; a very large one keeps listing meanwhile.
    private static readonly TimeSpan WarmWait = TimeSpan.FromSeconds(5);

    private readonly ISlackClientFactory _slack;
    private readonly WorkspaceOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SlackWorkspaceDirectory> _logger;
    private readonly SlackCallBudget _budget;
    private readonly DirectoryCache<(TeamId, UserId), Person?> _people;
    private readonly DirectoryCache<(TeamId, ChannelId), IReadOnlyList<UserId>> _members;
    private readonly ConcurrentDictionary<(TeamId, UserId), Task<Person?>> _personLookups = new();
    private readonly ConcurrentDictionary<(TeamId, ChannelId), Task<IReadOnlyList<UserId>?>> _memberLookups = new();
    private readonly ConcurrentDictionary<TeamId, Task> _warming = new();
    private readonly CancellationTokenSource _stopping = new();

    public SlackWorkspaceDirectory(ISlackClientFactory slack, IOptions<WorkspaceOptions> options, TimeProvider time, ILogger<SlackWorkspaceDirectory> logger)
    {
        _slack = slack;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _budget = new SlackCallBudget(_options.CallsInFlightPerMethod, time);
        _people = new DirectoryCache<(TeamId, UserId), Person?>(_options.MaxPeople, time);
        _members = new DirectoryCache<(TeamId, ChannelId), IReadOnlyList<UserId>>(_options.MaxConversations, time);
    }

    /// <summary>People held in memory now, over all workspaces (bounded by <see cref="WorkspaceOptions.MaxPeople"/>).</summary>
    public int PeopleCount => _people.Count;

    public async Task<Person?> GetPersonAsync(TeamId team, UserId user, CancellationToken cancellationToken)
    {
        if (_people.TryGetFresh((team, user), out var person))
        {
            return person;
        }

        if (_warming.TryGetValue(team, out var warm) && !warm.IsCompleted)
        {
            await Task.WhenAny(warm, Task.Delay(WarmWait, _time, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
            if (_people.TryGetFresh((team, user), out person))
            {
                return person;
            }
        }

        return await SingleFlight(_personLookups, (team, user), LookUpPersonAsync).WaitAsync(cancellationToken);
    }

    public async Task<Conversation> GetConversationAsync(TeamId team, ChannelId channel, ConversationKind kind, CancellationToken cancellationToken)
    {
        if (!_members.TryGetFresh((team, channel), out var members))
        {
            members = await SingleFlight(_memberLookups, (team, channel), LookUpMembersAsync).WaitAsync(cancellationToken);
        }

        return WithHumans(team, channel, kind, members ?? []);
    }

    public Person? KnownPerson(TeamId team, UserId user) => _people.TryGetKnown((team, user), out var person) ? person : null;

    public Conversation KnownConversation(TeamId team, ChannelId channel, ConversationKind kind) =>
        WithHumans(team, channel, kind, _members.TryGetKnown((team, channel), out var members) ? members ?? [] : []);

    /// <summary>Takes a user object Slack sent (<c>users.list</c>, <c>user_change</c>, <c>team_join</c>) as the person's current state.</summary>
    public void Remember(TeamId team, SlackUser user)
    {
        // An object without an id (the reference's team_join example is "user": {}) names nobody.
        if (user.Id is { Length: > 0 } id)
        {
            _people.Set((team, new UserId(id)), ToPerson(new UserId(id), user), _options.PeopleTtl);
        }
    }

    /// <summary>
    /// Lists the workspace's people once (<c>users.list</c>, page by page within its Tier 2 budget),
    /// so that new authors need no <c>users.info</c> each. Later calls return the same task.
    /// </summary>
    public Task WarmAsync(TeamId team) =>
        _warming.TryGetValue(team, out var warm) ? warm : _warming.GetOrAdd(team, t => Task.Run(() => ListPeopleAsync(t)));

    /// <summary>
    /// Lists the workspace's people again (a new install: a new token, perhaps people an earlier
    /// listing could not see), unless a listing is running already, which is returned.
    /// </summary>
    public Task RewarmAsync(TeamId team)
    {
        lock (_warming)
        {
            if (_warming.TryGetValue(team, out var warm) && !warm.IsCompleted)
            {
                return warm;
            }

            var listing = Task.Run(() => ListPeopleAsync(team));
            _warming[team] = listing;
            return listing;
        }
    }

    private async Task ListPeopleAsync(TeamId team)
    {
        var listed = 0;
        string? cursor = null;
        try
        {
            do
            {
                UsersListPage page;
                using (await _budget.EnterAsync(team, UsersList, _options.Tier2PerMinute, _stopping.Token))
                {
                    page = await _slack.ForTeam(team.Value).ListUsersAsync(cursor, _options.UsersListPageSize, _stopping.Token);
                }

                foreach (var user in page.Members)
                {
                    Remember(team, user);
                }

                listed += page.Members.Count;
                cursor = page.NextCursor == cursor ? null : page.NextCursor;
            }
            while (cursor is not null);

            Log.Listed(_logger, team.Value, listed);
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException or OperationCanceledException or TokenUnavailableException)
        {
            // Whoever was not listed is asked for one by one (users.info). A token that could not
            // be read (the database or key ring down for a moment) ends the listing the same way,
            // rather than leaving a faulted listing that nobody observes.
            Log.ListFailed(_logger, team.Value, listed, ex);
        }
    }

    private async Task<Person?> LookUpPersonAsync((TeamId Team, UserId User) key)
    {
        try
        {
            SlackUser info;
            using (await _budget.EnterAsync(key.Team, UsersInfo, _options.Tier4PerMinute, _stopping.Token))
            {
                info = await _slack.ForTeam(key.Team.Value).GetUserInfoAsync(key.User.Value, _stopping.Token);
            }

            var person = ToPerson(key.User, info);
            _people.Set(key, person, _options.PeopleTtl);
            return person;
        }
        catch (SlackApiException ex) when (ex.Error is "user_not_found" or "user_not_visible")
        {
            _people.Set(key, null, _options.PeopleTtl);
            return null;
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException or OperationCanceledException)
        {
            Log.LookupFailed(_logger, UsersInfo, ex);
            return _people.SetFailed(key, _options.FailedLookupTtl);
        }
    }

    private async Task<IReadOnlyList<UserId>?> LookUpMembersAsync((TeamId Team, ChannelId Channel) key)
    {
        try
        {
            var members = new List<UserId>();
            string? cursor = null;
            do
            {
                ConversationMembersPage page;
                using (await _budget.EnterAsync(key.Team, ConversationsMembers, _options.Tier4PerMinute, _stopping.Token))
                {
                    page = await _slack.ForTeam(key.Team.Value).GetConversationMembersAsync(key.Channel.Value, cursor, cancellationToken: _stopping.Token);
                }

                members.AddRange(page.Members.Select(m => new UserId(m)));
                // A cursor that repeats would loop for ever; Slack never sends one, but a fake could.
                cursor = page.NextCursor == cursor ? null : page.NextCursor;
            }
            while (cursor is not null);

            _members.Set(key, members, _options.ConversationTtl);
            return members;
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException or OperationCanceledException)
        {
            Log.LookupFailed(_logger, ConversationsMembers, ex);
            return _members.SetFailed(key, _options.FailedLookupTtl);
        }
    }

    /// <summary>One lookup per key at a time: a second caller joins the first caller's lookup.</summary>
    private static Task<TValue> SingleFlight<TKey, TValue>(
        ConcurrentDictionary<TKey, Task<TValue>> lookups, TKey key, Func<TKey, Task<TValue>> lookUp)
        where TKey : notnull
    {
        if (lookups.TryGetValue(key, out var running))
        {
            return running;
        }

        var started = new TaskCompletionSource<TValue>(TaskCreationOptions.RunContinuationsAsynchronously);
        var task = lookups.GetOrAdd(key, started.Task);
        if (task == started.Task)
        {
            // On the thread pool: the lookup never runs on (nor comes back to) the caller's thread,
            // which is the inbox processor's.
            _ = Task.Run(RunAsync);
        }

        return task;

        async Task RunAsync()
        {
            try
            {
                var value = await lookUp(key);
                lookups.TryRemove(new KeyValuePair<TKey, Task<TValue>>(key, started.Task));
                started.SetResult(value);
            }
            catch (Exception ex)
            {
                lookups.TryRemove(new KeyValuePair<TKey, Task<TValue>>(key, started.Task));
                started.SetException(ex);
            }
        }
    }

    private Conversation WithHumans(TeamId team, ChannelId channel, ConversationKind kind, IReadOnlyList<UserId> members)
    {
        // Known bots and deactivated users do not count; people not looked up yet do, until they are.
        var humans = members.Count(id => KnownPerson(team, id) is not { IsBot: true } and not { IsDeleted: true });
        return new Conversation(channel, kind, members, humans);
    }

    private static Person ToPerson(UserId id, SlackUser info) => new(
        id,
        string.IsNullOrEmpty(info.Tz) ? null : info.Tz,
        IsBot: info.IsBot || info.IsAppUser || id.Value == "USLACKBOT",
        IsDeleted: info.Deleted,
        DisplayName: info.Profile?.DisplayName is { Length: > 0 } display ? display : info.RealName ?? info.Name,
        IsAdmin: info.IsAdmin || info.IsOwner || info.IsPrimaryOwner);

    public void Dispose()
    {
        // Not disposed: lookups still running read its token and end on it.
        _stopping.Cancel();
        _people.Dispose();
        _members.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2701, Level = LogLevel.Warning, Message = "A {Method} lookup failed; judging messages without it for now")]
        public static partial void LookupFailed(ILogger logger, string method, Exception exception);

        [LoggerMessage(EventId = 2702, Level = LogLevel.Information, Message = "Listed {Count} people of team {TeamId} (users.list)")]
        public static partial void Listed(ILogger logger, string teamId, int count);

        [LoggerMessage(EventId = 2703, Level = LogLevel.Warning, Message = "Listing the people of team {TeamId} stopped after {Count}; the rest are looked up one by one")]
        public static partial void ListFailed(ILogger logger, string teamId, int count, Exception exception);
    }
}
