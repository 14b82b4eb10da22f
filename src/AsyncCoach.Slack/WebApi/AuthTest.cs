namespace AsyncCoach.Slack.WebApi;

/// <summary><c>auth.test</c>: who the token belongs to; <see cref="UserId"/> is the bot's own user id.</summary>
public sealed record AuthTestResponse : SlackResponse
{
    public string? Url { get; init; }

    public string? Team { get; init; }

    public string? User { get; init; }

    public string? TeamId { get; init; }

    public string? UserId { get; init; }

    public string? BotId { get; init; }

    public string? EnterpriseId { get; init; }

    public bool IsEnterpriseInstall { get; init; }
}
