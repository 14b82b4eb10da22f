using AsyncCoach.Slack.WebApi;

namespace AsyncCoach.Installations;

/// <summary>
/// One team's <see cref="ISlackWebApi"/>: each call goes to Slack with the team's current token,
/// to the dry-run recorder when the team has none, or fails without calling Slack when the team
/// is refused (revoked or uninstalled) with that reason as the error code. When the token cannot
/// be read at all (a database or key ring error) the call fails with
/// <see cref="TokenUnavailableException"/>, not made either.
/// </summary>
internal sealed class TeamSlackClient(
    string teamId, TeamTokens tokens, SlackWebApiClientFactory live, SlackCallPolicy policy, ISlackWebApi dryRun) : ISlackWebApi
{
    // The live client of the token last used; a new token (rotation, reinstall) gets a new one.
    private CurrentClient? _current;

    public string TeamId => teamId;

    public Task<AuthTestResponse> AuthTestAsync(CancellationToken cancellationToken = default) =>
        CallAsync("auth.test", 0, static (api, _, ct) => api.AuthTestAsync(ct), cancellationToken);

    public Task<SlackUser> GetUserInfoAsync(string userId, CancellationToken cancellationToken = default) =>
        CallAsync("users.info", userId, static (api, a, ct) => api.GetUserInfoAsync(a, ct), cancellationToken);

    public Task<UsersListPage> ListUsersAsync(string? cursor = null, int limit = 200, CancellationToken cancellationToken = default) =>
        CallAsync("users.list", (cursor, limit), static (api, a, ct) => api.ListUsersAsync(a.cursor, a.limit, ct), cancellationToken);

    public Task<SlackConversation> GetConversationInfoAsync(string channelId, CancellationToken cancellationToken = default) =>
        CallAsync("conversations.info", channelId, static (api, a, ct) => api.GetConversationInfoAsync(a, ct), cancellationToken);

    public Task<ConversationMembersPage> GetConversationMembersAsync(
        string channelId, string? cursor = null, int limit = 200, CancellationToken cancellationToken = default) =>
        CallAsync("conversations.members", (channelId, cursor, limit), static (api, a, ct) => api.GetConversationMembersAsync(a.channelId, a.cursor, a.limit, ct), cancellationToken);

    public Task<OpenConversationResponse> OpenConversationAsync(OpenConversationRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("conversations.open", request, static (api, a, ct) => api.OpenConversationAsync(a, ct), cancellationToken);

    public Task<PostEphemeralResponse> PostEphemeralAsync(PostEphemeralRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("chat.postEphemeral", request, static (api, a, ct) => api.PostEphemeralAsync(a, ct), cancellationToken);

    public Task<PostMessageResponse> PostMessageAsync(PostMessageRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("chat.postMessage", request, static (api, a, ct) => api.PostMessageAsync(a, ct), cancellationToken);

    public Task<ScheduleMessageResponse> ScheduleMessageAsync(ScheduleMessageRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("chat.scheduleMessage", request, static (api, a, ct) => api.ScheduleMessageAsync(a, ct), cancellationToken);

    public Task<PublishViewResponse> PublishViewAsync(PublishViewRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("views.publish", request, static (api, a, ct) => api.PublishViewAsync(a, ct), cancellationToken);

    public Task<OpenViewResponse> OpenViewAsync(OpenViewRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("views.open", request, static (api, a, ct) => api.OpenViewAsync(a, ct), cancellationToken);

    // The credential is nearly always at hand (a completed ValueTask): the call is then the live
    // client's own task, with no async step of this class around it (one state machine and one
    // continuation less per Web API call, issue #17). A call that throws before its task exists
    // still ends in a faulted task, as from an async method.
    private Task<T> CallAsync<TArg, T>(string method, TArg arg, Func<ISlackWebApi, TArg, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var resolving = ResolveAsync(method, cancellationToken);
        if (!resolving.IsCompletedSuccessfully)
        {
            return ResolvedLaterAsync(resolving, arg, call, cancellationToken);
        }

        try
        {
            return call(resolving.Result, arg, cancellationToken);
        }
        catch (OperationCanceledException ex) when (ex.CancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(ex.CancellationToken);
        }
        catch (Exception ex)
        {
            return Task.FromException<T>(ex);
        }

        static async Task<T> ResolvedLaterAsync(ValueTask<ISlackWebApi> resolving, TArg arg, Func<ISlackWebApi, TArg, CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
            await call(await resolving, arg, cancellationToken);
    }

    private async ValueTask<ISlackWebApi> ResolveAsync(string method, CancellationToken cancellationToken)
    {
        TeamCredential credential;
        try
        {
            credential = await tokens.GetAsync(teamId, cancellationToken);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or SlackApiException or HttpRequestException))
        {
            // The installation's row, the key ring or the decryption failed: the call is not made,
            // and the caller can tell that from a failed call (the outbox retries the row).
            throw TokenUnavailableException.NotCalled(method, ex);
        }

        return credential switch
        {
            { Kind: TeamCredentialKind.Refused } =>
                throw new SlackApiException(method, credential.Reason ?? "installation_inactive", "not called: the installation is not usable"),
            { Kind: TeamCredentialKind.Token, Token: { } token } => LiveClient(token),
            _ => dryRun,
        };
    }

    private ISlackWebApi LiveClient(string token)
    {
        if (_current is { } current && string.Equals(current.Token, token, StringComparison.Ordinal))
        {
            return current.Client;
        }

        var client = live.Create(token, policy);
        _current = new CurrentClient(token, client);
        return client;
    }

    private sealed record CurrentClient(string Token, ISlackWebApi Client)
    {
        public override string ToString() => nameof(CurrentClient);
    }
}
