using System.Text.Encodings.Web;

namespace AsyncCoach.Installations;

/// <summary>The install flow's plain HTML pages: every failure says what happened and how to retry.</summary>
internal static class InstallPages
{
    private const string Retry = "<p><a href=\"/slack/install\">Start the install again</a>.</p>";

    public static string AddToSlack(Uri authorize) => Page(
        "Install AsyncCoach",
        "<p>AsyncCoach nudges people privately toward async-first habits. Message text is processed in memory and never stored.</p>" +
        $"<p><a href=\"{Html(authorize.AbsoluteUri)}\"><strong>Add to Slack</strong></a></p>");

    public static string NotConfigured() => Page(
        "Install is not set up",
        "<p>This AsyncCoach has no OAuth install configured. Its operator sets <code>Slack:ClientId</code>, " +
        "<code>Slack:ClientSecret</code> and <code>Slack:RedirectUri</code> to enable it.</p>");

    public static string Installed(string teamId, string? teamName) => Page(
        "AsyncCoach is installed",
        $"<p>AsyncCoach is now installed in {Html(teamName ?? teamId)}. Invite it to the channels it should coach with " +
        "<code>/invite @AsyncCoach</code>, and try <code>/async help</code>.</p>");

    public static string Failed(InstallOutcome outcome) => outcome.Failure switch
    {
        InstallFailure.Declined => Page("Install cancelled",
            $"<p>The install was not approved in Slack ({Html(outcome.Error ?? "access_denied")}). Nothing was installed.</p>" + Retry),
        InstallFailure.StateExpired => Page("Install link expired",
            "<p>This install link is more than 10 minutes old. Nothing was installed.</p>" + Retry),
        InstallFailure.StateReplayed => Page("Install link already used",
            "<p>This install link has already been used once; each can be used only once. Nothing more was installed.</p>" + Retry),
        InstallFailure.StateInvalid => Page("Install link not recognised",
            "<p>This install link was not issued by this AsyncCoach, or was altered. Nothing was installed.</p>" + Retry),
        InstallFailure.MissingCode => Page("Install incomplete",
            "<p>Slack sent no authorization code back. Nothing was installed.</p>" + Retry),
        InstallFailure.SlackUnreachable => Page("Slack could not be reached",
            $"<p>AsyncCoach could not reach Slack to finish the install ({Html(outcome.Error ?? "unreachable")}). Nothing was installed. " +
            "Wait a minute, then start again.</p>" + Retry),
        InstallFailure.SlackError => Page("Slack refused the install",
            $"<p>Slack answered <code>{Html(outcome.Error ?? "error")}</code> when AsyncCoach asked for its token. Nothing was installed. " +
            "If this repeats, the operator should check the app's client id, secret and redirect URL.</p>" + Retry),
        _ => NotConfigured(),
    };

    private static string Html(string text) => HtmlEncoder.Default.Encode(text);

    private static string Page(string title, string body) =>
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{Html(title)}</title></head>" +
        $"<body><h1>{Html(title)}</h1>{body}</body></html>";
}
