using AsyncCoach.Installations;
using AsyncCoach.Slack.WebApi;

namespace AsyncCoach.Nudges;

/// <summary>
/// The client a kind sender gets for one row: passes every call through and notes whether a
/// call that delivers something (a post, an ephemeral, a view) may have reached Slack. Until one
/// has, a failure of the row (its reads, opening the DM, the token look-up) sent nothing, and the
/// row can be tried again without risking a duplicate. A delivering call that failed before it
/// was made (<see cref="TokenUnavailableException"/>) does not count; any other failure might
/// have reached Slack, so it does.
/// </summary>
internal sealed class OutboxCallTracker(ISlackWebApi inner) : ISlackWebApi
{
    private volatile bool _delivering;

    /// <summary>Whether a delivering call was made (answered or not).</summary>
    public bool Delivering => _delivering;

    public Task<AuthTestResponse> AuthTestAsync(CancellationToken cancellationToken = default) => inner.AuthTestAsync(cancellationToken);

    public Task<SlackUser> GetUserInfoAsync(string userId, CancellationToken cancellationToken = default) =>
        inner.GetUserInfoAsync(userId, cancellationToken);

    public Task<UsersListPage> ListUsersAsync(string? cursor = null, int limit = 200, CancellationToken cancellationToken = default) =>
        inner.ListUsersAsync(cursor, limit, cancellationToken);

    public Task<SlackConversation> GetConversationInfoAsync(string channelId, CancellationToken cancellationToken = default) =>
        inner.GetConversationInfoAsync(channelId, cancellationToken);

    public Task<ConversationMembersPage> GetConversationMembersAsync(
        string channelId, string? cursor = null, int limit = 200, CancellationToken cancellationToken = default) =>
        inner.GetConversationMembersAsync(channelId, cursor, limit, cancellationToken);

    // Opening a DM delivers nothing (Slack answers the same channel each time).
    public Task<OpenConversationResponse> OpenConversationAsync(OpenConversationRequest request, CancellationToken cancellationToken = default) =>
        inner.OpenConversationAsync(request, cancellationToken);

    public Task<PostEphemeralResponse> PostEphemeralAsync(PostEphemeralRequest request, CancellationToken cancellationToken = default) =>
        DeliverAsync(request, static (api, r, ct) => api.PostEphemeralAsync(r, ct), cancellationToken);

    public Task<PostMessageResponse> PostMessageAsync(PostMessageRequest request, CancellationToken cancellationToken = default) =>
        DeliverAsync(request, static (api, r, ct) => api.PostMessageAsync(r, ct), cancellationToken);

    public Task<ScheduleMessageResponse> ScheduleMessageAsync(ScheduleMessageRequest request, CancellationToken cancellationToken = default) =>
        DeliverAsync(request, static (api, r, ct) => api.ScheduleMessageAsync(r, ct), cancellationToken);

    public Task<PublishViewResponse> PublishViewAsync(PublishViewRequest request, CancellationToken cancellationToken = default) =>
        DeliverAsync(request, static (api, r, ct) => api.PublishViewAsync(r, ct), cancellationToken);

    public Task<OpenViewResponse> OpenViewAsync(OpenViewRequest request, CancellationToken cancellationToken = default) =>
        DeliverAsync(request, static (api, r, ct) => api.OpenViewAsync(r, ct), cancellationToken);

    // A static call with its request, not a closure over them: nothing allocated per call but the call's own task.
    private async Task<T> DeliverAsync<TRequest, T>(TRequest request, Func<ISlackWebApi, TRequest, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            var result = await call(inner, request, cancellationToken);
            _delivering = true;
            return result;
        }
        catch (Exception ex) when (ex is not TokenUnavailableException)
        {
            _delivering = true;
            throw;
        }
    }
}
