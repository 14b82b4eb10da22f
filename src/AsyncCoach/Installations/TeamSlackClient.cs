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

    public async Task<AuthTestResponse> AuthTestAsync(CancellationToken cancellationToken = default) =>
        await (await ResolveAsync("auth.test", cancellationToken)).AuthTestAsync(cancellationToken);

    public async Task<SlackUser> GetUserInfoAsync(string userId, CancellationToken cancellationToken = default) =>
        await (await ResolveAsync("users.info", cancellationToken)).GetUserInfoAsync(userId, cancellationToken);

    public async Task<UsersListPage> ListUsersAsync(string? cursor = null, int limit = 200, CancellationToken cancellationToken = default) =>
        await (await ResolveAsync("users.list", cancellationToken)).ListUsersAsync(cursor, limit, cancellationToken);

    public async Task<SlackConversation> GetConversationInfoAsync(string channelId, CancellationToken cancellationToken = default) =>
        await (await ResolveAsync("conversations.info", cancellationToken)).GetConversationInfoAsync(channelId, cancellationToken);

    public async Task<ConversationMembersPage> GetConversationMembersAsync(
        string channelId, string? cursor = null, int limit = 200, CancellationToken cancellationToken = default) =>
        await (await ResolveAsync("conversations.members", cancellationToken)).GetConversationMembersAsync(channelId, cursor, limit, cancellationToken);

    public async Task<OpenConversationResponse> OpenConversationAsync(OpenConversationRequest request, CancellationToken cancellationToken = default) =>
        await (await ResolveAsync("conversations.open", cancellationToken)).OpenConversationAsync(request, cancellationToken);

    public async Task<PostEphemeralResponse> PostEphemeralAsync(PostEphemeralRequest request, CancellationToken cancellationToken = default) =>
        await (await ResolveAsync("chat.postEphemeral", cancellationToken)).PostEphemeralAsync(request, cancellationToken);

    public async Task<PostMessageResponse> PostMessageAsync(PostMessageRequest request, CancellationToken cancellationToken = default) =>
        await (await ResolveAsync("chat.postMessage", cancellationToken)).PostMessageAsync(request, cancellationToken);

    public async Task<ScheduleMessageResponse> ScheduleMessageAsync(ScheduleMessageRequest request, CancellationToken cancellationToken = default) =>
        await (await ResolveAsync("chat.scheduleMessage", cancellationToken)).ScheduleMessageAsync(request, cancellationToken);

    public async Task<PublishViewResponse> PublishViewAsync(PublishViewRequest request, CancellationToken cancellationToken = default) =>
        await (await ResolveAsync("views.publish", cancellationToken)).PublishViewAsync(request, cancellationToken);

    public async Task<OpenViewResponse> OpenViewAsync(OpenViewRequest request, CancellationToken cancellationToken = default) =>
        await (await ResolveAsync("views.open", cancellationToken)).OpenViewAsync(request, cancellationToken);

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
