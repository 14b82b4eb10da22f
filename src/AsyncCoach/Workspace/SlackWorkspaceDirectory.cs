using System.Collections.Concurrent;
using AsyncCoach.Core.Model;
using AsyncCoach.Slack.WebApi;

namespace AsyncCoach.Workspace;

/// <summary>
/// Live directory: people from <c>users.info</c> and conversation members from
/// <c>conversations.members</c>, cached in memory and refreshed after <see cref="PeopleTtl"/> /
/// <see cref="ConversationTtl"/> (a changed time zone is picked up within the day). A person
/// Slack does not know is remembered as unknown; a failed lookup is not cached and the message
/// is judged without that person (no finding without evidence).
/// </summary>
public sealed partial class SlackWorkspaceDirectory(ISlackClientFactory slack, TimeProvider time, ILogger<SlackWorkspaceDirectory> logger) : IWorkspaceDirectory
{
    public static readonly TimeSpan PeopleTtl = TimeSpan.FromHours(12);
    public static readonly TimeSpan ConversationTtl = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<(TeamId, UserId), Cached<Person?>> _people = new();
    private readonly ConcurrentDictionary<(TeamId, ChannelId), Cached<Conversation>> _conversations = new();

    public async Task<Person?> GetPersonAsync(TeamId team, UserId user, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_people.TryGetValue((team, user), out var cached) && now - cached.At < PeopleTtl)
        {
            return cached.Value;
        }

        try
        {
            var info = await slack.ForTeam(team.Value).GetUserInfoAsync(user.Value, cancellationToken);
            var person = new Person(
                user,
                string.IsNullOrEmpty(info.Tz) ? null : info.Tz,
                IsBot: info.IsBot || info.IsAppUser || user.Value == "USLACKBOT",
                IsDeleted: info.Deleted,
                DisplayName: info.Profile?.DisplayName is { Length: > 0 } display ? display : info.RealName ?? info.Name,
                IsAdmin: info.IsAdmin || info.IsOwner || info.IsPrimaryOwner);
            _people[(team, user)] = new Cached<Person?>(person, now);
            return person;
        }
        catch (SlackApiException ex) when (ex.Error is "user_not_found" or "user_not_visible")
        {
            _people[(team, user)] = new Cached<Person?>(null, now);
            return null;
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Log.LookupFailed(logger, "users.info", ex);
            return cached?.Value;
        }
    }

    public async Task<Conversation> GetConversationAsync(TeamId team, ChannelId channel, ConversationKind kind, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_conversations.TryGetValue((team, channel), out var cached) && now - cached.At < ConversationTtl)
        {
            return cached.Value;
        }

        try
        {
            var members = await slack.ForTeam(team.Value).GetAllConversationMembersAsync(channel.Value, cancellationToken);
            var ids = members.Select(m => new UserId(m)).ToList();
            // Known bots and deactivated users do not count; people not looked up yet do, until they are.
            var humans = ids.Count(id => !_people.TryGetValue((team, id), out var p) || p.Value is not { IsBot: true } and not { IsDeleted: true });
            var conversation = new Conversation(channel, kind, ids, humans);
            _conversations[(team, channel)] = new Cached<Conversation>(conversation, now);
            return conversation;
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Log.LookupFailed(logger, "conversations.members", ex);
            return cached?.Value ?? new Conversation(channel, kind, [], 0);
        }
    }

    private sealed record Cached<T>(T Value, DateTimeOffset At);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1601, Level = LogLevel.Warning, Message = "A {Method} lookup failed; judging the message without it")]
        public static partial void LookupFailed(ILogger logger, string method, Exception exception);
    }
}
