namespace AsyncCoach.Slack;

/// <summary>Slack credentials and endpoints, bound from the <c>Slack</c> configuration section.</summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>Verifies that HTTP requests come from Slack. Required.</summary>
    public string SigningSecret { get; set; } = "";

    /// <summary>The bot token (<c>xoxb-…</c>). Without it the app runs in dry-run mode.</summary>
    public string? BotToken { get; set; }

    /// <summary>The app-level token (<c>xapp-…</c>) for Socket Mode.</summary>
    public string? AppToken { get; set; }

    /// <summary>Base URL of the Web API; tests point it at a fake Slack server.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    public bool IsDryRun => string.IsNullOrWhiteSpace(BotToken);
}
