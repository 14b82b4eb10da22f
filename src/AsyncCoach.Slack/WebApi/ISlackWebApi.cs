namespace AsyncCoach.Slack.WebApi;

/// <summary>
/// The Slack Web API methods the coach calls. Extension point: the host registers
/// <see cref="SlackWebApiClient"/> (typed <see cref="HttpClient"/> with retries) and swaps in a
/// recording implementation for dry-run; tests may fake it at this boundary.
/// </summary>
/// <remarks>
/// Every method throws <see cref="SlackApiException"/> when Slack answers <c>ok:false</c> or a
/// non-success status after retries; <see cref="SlackApiException.Error"/> carries Slack's code.
/// Rate limits (429, waiting <c>Retry-After</c>), 5xx, timeouts and transient error codes are
/// retried inside the implementation before anything is thrown.
/// </remarks>
public interface ISlackWebApi
{
    /// <summary><c>auth.test</c>: checks the token; gives the bot's user id and team.</summary>
    Task<AuthTestResponse> AuthTestAsync(CancellationToken cancellationToken = default);

    /// <summary><c>users.info</c> (scope <c>users:read</c>): time zone, bot/deleted flags, names.</summary>
    Task<SlackUser> GetUserInfoAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of <c>users.list</c> (scope <c>users:read</c>, Tier 2): every member of the
    /// workspace with the same fields as <c>users.info</c>. Pass the previous page's
    /// <see cref="UsersListPage.NextCursor"/> to continue.
    /// </summary>
    Task<UsersListPage> ListUsersAsync(string? cursor = null, int limit = 200, CancellationToken cancellationToken = default);

    /// <summary><c>conversations.info</c> with <c>include_num_members</c>.</summary>
    Task<SlackConversation> GetConversationInfoAsync(string channelId, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of <c>conversations.members</c>. Pass the previous page's
    /// <see cref="ConversationMembersPage.NextCursor"/> to continue; see
    /// <see cref="SlackWebApiExtensions.GetAllConversationMembersAsync"/> for all pages.
    /// </summary>
    Task<ConversationMembersPage> GetConversationMembersAsync(
        string channelId, string? cursor = null, int limit = 200, CancellationToken cancellationToken = default);

    /// <summary><c>conversations.open</c>: opens (or finds) a DM or MPIM; the result's channel id is <c>D…</c>.</summary>
    Task<OpenConversationResponse> OpenConversationAsync(OpenConversationRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>chat.postEphemeral</c>: a message only one user sees; not persisted by Slack.</summary>
    Task<PostEphemeralResponse> PostEphemeralAsync(PostEphemeralRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>chat.postMessage</c>.</summary>
    Task<PostMessageResponse> PostMessageAsync(PostMessageRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>chat.scheduleMessage</c>: Slack's own scheduled send, posted at <c>post_at</c>.</summary>
    Task<ScheduleMessageResponse> ScheduleMessageAsync(ScheduleMessageRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>views.publish</c>: sets a user's App Home tab.</summary>
    Task<PublishViewResponse> PublishViewAsync(PublishViewRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>views.open</c>: opens a modal for the person who clicked. The <c>trigger_id</c> comes
    /// from that interaction and works once, within 3 seconds, so this is called while handling it.
    /// </summary>
    Task<OpenViewResponse> OpenViewAsync(OpenViewRequest request, CancellationToken cancellationToken = default);
}
