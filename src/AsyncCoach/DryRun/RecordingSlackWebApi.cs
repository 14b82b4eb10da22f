using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;

namespace AsyncCoach.DryRun;

/// <summary>
/// Dry-run's Slack: every call that would have been made is logged (method and JSON) and
/// recorded in slack_api_calls, and answered as Slack would answer a success. Reads know
/// nothing (nobody's time zone, no members), which is what the offline directory assumes too.
/// One per dry-run team (<see cref="Installations.SlackClientFactory"/>): calls are recorded under it.
/// </summary>
public sealed partial class RecordingSlackWebApi(string teamId, IApiCallStore calls, TimeProvider time, ILogger logger) : ISlackWebApi
{
    public Task<AuthTestResponse> AuthTestAsync(CancellationToken cancellationToken = default) =>
        RecordAsync("auth.test", "{}", new AuthTestResponse { Ok = true, Team = "dry-run", UserId = "UDRYRUN", TeamId = teamId }, cancellationToken);

    public Task<SlackUser> GetUserInfoAsync(string userId, CancellationToken cancellationToken = default) =>
        RecordAsync("users.info", new JsonObject { ["user"] = userId }.ToJsonString(), new SlackUser { Id = userId }, cancellationToken);

    public Task<UsersListPage> ListUsersAsync(string? cursor = null, int limit = 200, CancellationToken cancellationToken = default) =>
        RecordAsync("users.list", new JsonObject { ["cursor"] = cursor, ["limit"] = limit }.ToJsonString(), new UsersListPage([], null), cancellationToken);

    public Task<SlackConversation> GetConversationInfoAsync(string channelId, CancellationToken cancellationToken = default) =>
        RecordAsync("conversations.info", new JsonObject { ["channel"] = channelId }.ToJsonString(), new SlackConversation { Id = channelId }, cancellationToken);

    public Task<ConversationMembersPage> GetConversationMembersAsync(string channelId, string? cursor = null, int limit = 200, CancellationToken cancellationToken = default) =>
        RecordAsync("conversations.members", new JsonObject { ["channel"] = channelId, ["cursor"] = cursor, ["limit"] = limit }.ToJsonString(), new ConversationMembersPage([], null), cancellationToken);

    public Task<OpenConversationResponse> OpenConversationAsync(OpenConversationRequest request, CancellationToken cancellationToken = default) =>
        RecordAsync("conversations.open", Json(request, SlackJsonContext.Default.OpenConversationRequest),
            new OpenConversationResponse { Ok = true, Channel = new SlackConversation { Id = "D" + string.Join("", request.Users).GetHashCode(StringComparison.Ordinal).ToString("X8", CultureInfo.InvariantCulture), IsIm = true } },
            cancellationToken);

    public Task<PostEphemeralResponse> PostEphemeralAsync(PostEphemeralRequest request, CancellationToken cancellationToken = default) =>
        RecordAsync("chat.postEphemeral", Json(request, SlackJsonContext.Default.PostEphemeralRequest),
            new PostEphemeralResponse { Ok = true, MessageTs = NowTs() }, cancellationToken);

    public Task<PostMessageResponse> PostMessageAsync(PostMessageRequest request, CancellationToken cancellationToken = default) =>
        RecordAsync("chat.postMessage", Json(request, SlackJsonContext.Default.PostMessageRequest),
            new PostMessageResponse { Ok = true, Channel = request.Channel, Ts = NowTs() }, cancellationToken);

    public Task<ScheduleMessageResponse> ScheduleMessageAsync(ScheduleMessageRequest request, CancellationToken cancellationToken = default) =>
        RecordAsync("chat.scheduleMessage", Json(request, SlackJsonContext.Default.ScheduleMessageRequest),
            new ScheduleMessageResponse { Ok = true, Channel = request.Channel, ScheduledMessageId = "QDRYRUN", PostAt = request.PostAt }, cancellationToken);

    public Task<PublishViewResponse> PublishViewAsync(PublishViewRequest request, CancellationToken cancellationToken = default) =>
        RecordAsync("views.publish", Json(request, SlackJsonContext.Default.PublishViewRequest),
            new PublishViewResponse { Ok = true }, cancellationToken);

    public Task<OpenViewResponse> OpenViewAsync(OpenViewRequest request, CancellationToken cancellationToken = default) =>
        RecordAsync("views.open", Json(request, SlackJsonContext.Default.OpenViewRequest),
            new OpenViewResponse { Ok = true }, cancellationToken);

    private async Task<T> RecordAsync<T>(string method, string json, T response, CancellationToken cancellationToken)
    {
        Log.WouldCall(logger, teamId, method, json);
        await calls.RecordAsync(teamId, method, json, cancellationToken);
        return response;
    }

    private string NowTs() => Core.Model.MessageTs.FromInstant(time.GetUtcNow()).Value;

    private static string Json<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.Serialize(value, type);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1701, Level = LogLevel.Information, Message = "Dry-run: would call {Method} for team {TeamId} with {Json}")]
        public static partial void WouldCall(ILogger logger, string teamId, string method, string json);
    }
}
