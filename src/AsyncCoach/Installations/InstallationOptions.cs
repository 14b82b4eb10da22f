namespace AsyncCoach.Installations;

/// <summary>Installations: the install page and where the token encryption keys live (<c>Installations</c> section).</summary>
public sealed class InstallationOptions
{
    public const string Section = "Installations";

    /// <summary>The bot scopes asked for at install: those of manifest.yml.</summary>
    public const string ManifestBotScopes =
        "channels:history,groups:history,im:history,mpim:history,channels:read,groups:read,im:read,mpim:read,users:read,chat:write,im:write,commands";

    /// <summary>Slack's authorize page; tests point it at a fake.</summary>
    public Uri AuthorizeUrl { get; set; } = new("https://slack.com/oauth/v2/authorize");

    /// <summary>Comma-separated bot scopes asked for at install (default: manifest.yml's).</summary>
    public string BotScopes { get; set; } = ManifestBotScopes;

    /// <summary><c>/slack/install</c> redirects straight to Slack instead of showing the "Add to Slack" page.</summary>
    public bool RedirectToSlack { get; set; }

    /// <summary>With token rotation: a token this close to its expiry is refreshed before the next call uses it.</summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long an install link (its <c>state</c>) may be used: 10 minutes, as long as Slack's <c>code</c> lives.</summary>
    public TimeSpan StateLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The Data Protection key ring folder. Default: beside the SQLite file (<c>{database}.keys</c>).
    /// Whoever can read it and the database can read the tokens: keep it as private as the database.
    /// </summary>
    public string? KeyRingPath { get; set; }
}
