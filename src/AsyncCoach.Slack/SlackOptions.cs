namespace AsyncCoach.Slack;

/// <summary>
/// Slack credentials and Web API client settings, bound from the <c>Slack</c> section
/// (<c>Slack__BotToken</c> and so on in environment variables). Plain and bindable on purpose:
/// validation is the host's job, and no bot token means dry-run, not a crash.
/// </summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>Signing secret used to verify requests from Slack (<c>Slack:SigningSecret</c>).</summary>
    public string? SigningSecret { get; set; }

    /// <summary>Bot token <c>xoxb-…</c> sent as <c>Authorization: Bearer</c>. Never logged.</summary>
    public string? BotToken { get; set; }

    /// <summary>App-level token <c>xapp-…</c> for Socket Mode. Never logged.</summary>
    public string? AppToken { get; set; }

    /// <summary>OAuth install (<c>Slack:ClientId</c>): the app's client id. With it, any number of workspaces can install.</summary>
    public string? ClientId { get; set; }

    /// <summary>OAuth install: the app's client secret. Never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>OAuth install: where Slack sends the browser back, this service's <c>/slack/oauth/callback</c> (HTTPS).</summary>
    public Uri? RedirectUri { get; set; }

    /// <summary>Web API base URL; tests point it at a fake server.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>Timeout of one HTTP attempt (all of a <see cref="WebApi.SlackCallPolicy.SingleAttempt"/> call, the outbox's).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Timeout of one call including all retries and waits.</summary>
    public TimeSpan TotalRequestTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Base delay of the exponential backoff (with jitter) after a 5xx or timeout.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Retries after the first attempt (so at most <c>MaxRetryAttempts + 1</c> calls).</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>
    /// The longest <c>Retry-After</c> a retrying client (<see cref="WebApi.SlackCallPolicy.Retrying"/>)
    /// waits for in-process. A longer one is not retried: the call fails with <c>ratelimited</c> and
    /// its <c>RetryAfter</c>. (The outbox's single-attempt calls wait for none.)
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether the OAuth install flow is configured (validated at start: all three keys or none).</summary>
    public bool HasOAuth => !string.IsNullOrWhiteSpace(ClientId) || !string.IsNullOrWhiteSpace(ClientSecret) || RedirectUri is not null;

    /// <summary>
    /// No bot token and no OAuth install: every Web API call is logged and recorded instead of sent.
    /// (With either, a team that has no token of its own is still dry-run, team by team.)
    /// </summary>
    public bool IsDryRun => string.IsNullOrWhiteSpace(BotToken) && !HasOAuth;
}
