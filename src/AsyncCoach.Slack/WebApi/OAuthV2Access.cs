namespace AsyncCoach.Slack.WebApi;

/// <summary>
/// <c>oauth.v2.access</c> arguments: a <see cref="Code"/> from the install redirect (with its
/// <see cref="RedirectUri"/>), or, with token rotation, a <see cref="RefreshToken"/>
/// (<c>grant_type=refresh_token</c>). The client id and secret go as HTTP Basic, as Slack advises.
/// </summary>
public sealed record OAuthV2AccessRequest(string ClientId, string ClientSecret)
{
    public string? Code { get; init; }

    public string? RedirectUri { get; init; }

    public string? RefreshToken { get; init; }

    public string? GrantType => RefreshToken is null ? null : "refresh_token";

    // Never print the secret or a token.
    public override string ToString() => RefreshToken is null ? "oauth.v2.access (code)" : "oauth.v2.access (refresh_token)";
}

/// <summary>An installation's credentials (slack-platform.md §9). Holds tokens: never log it.</summary>
public sealed record OAuthV2AccessResponse : SlackResponse
{
    public string? AccessToken { get; init; }

    public string? TokenType { get; init; }

    public string? Scope { get; init; }

    public string? BotUserId { get; init; }

    public string? AppId { get; init; }

    /// <summary>With token rotation: the token's lifetime in seconds (43,200 = 12 h).</summary>
    public long? ExpiresIn { get; init; }

    public string? RefreshToken { get; init; }

    public OAuthTeam? Team { get; init; }

    public OAuthTeam? Enterprise { get; init; }

    public bool IsEnterpriseInstall { get; init; }

    public OAuthAuthedUser? AuthedUser { get; init; }

    public override string ToString() => $"oauth.v2.access ok={Ok} team={Team?.Id} enterprise={Enterprise?.Id}";
}

public sealed record OAuthTeam
{
    public string? Id { get; init; }

    public string? Name { get; init; }
}

/// <summary>The installing user. A user token, if Slack sent one, is not read: AsyncCoach asks for none.</summary>
public sealed record OAuthAuthedUser
{
    public string? Id { get; init; }

    public string? Scope { get; init; }
}

/// <summary>App-level Slack calls that carry the app's client credentials rather than a workspace's token.</summary>
public interface ISlackOAuthApi
{
    /// <summary><c>oauth.v2.access</c>; throws <see cref="SlackApiException"/> on <c>ok:false</c> (e.g. <c>invalid_code</c>).</summary>
    Task<OAuthV2AccessResponse> OAuthV2AccessAsync(OAuthV2AccessRequest request, CancellationToken cancellationToken = default);
}
