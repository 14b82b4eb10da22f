using System.Text.RegularExpressions;

namespace AsyncCoach.Commands;

/// <summary>
/// Slash-command text as Slack sends it with <c>should_escape: true</c> (see manifest.yml):
/// people as <c>&lt;@U…|name&gt;</c>, channels as <c>&lt;#C…|name&gt;</c>, links as
/// <c>&lt;url|label&gt;</c>, and <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> as entities.
/// https://docs.slack.dev/messaging/formatting-message-text#escaping
/// </summary>
public static partial class SlackText
{
    /// <summary>What the person typed, as they saw it: <c>@ana</c>, <c>#general</c>, link labels, plain &amp; &lt; &gt;.</summary>
    public static string Plain(string text) =>
        Unescape(Link().Replace(text, m => m.Groups["ref"].Value switch
        {
            ['@', ..] => "@" + (m.Groups["label"].Success ? m.Groups["label"].Value : m.Groups["ref"].Value[1..]),
            ['#', ..] => "#" + (m.Groups["label"].Success ? m.Groups["label"].Value : m.Groups["ref"].Value[1..]),
            ['!', ..] => "@" + m.Groups["ref"].Value[1..],
            _ => m.Groups["label"].Success ? m.Groups["label"].Value : m.Groups["ref"].Value,
        }));

    /// <summary>Escapes text for a mrkdwn field so user text cannot become a mention or a link.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>A user id from <c>&lt;@U…|name&gt;</c>, <c>&lt;@U…&gt;</c> or a bare <c>U…</c>; null for anything else (a plain <c>@name</c>).</summary>
    public static string? UserId(string token) =>
        UserRef().Match(token) is { Success: true } m ? m.Groups["id"].Value : null;

    /// <summary>A channel id from <c>&lt;#C…|name&gt;</c> or <c>&lt;#C…&gt;</c>; null for anything else (a bare <c>#name</c>).</summary>
    public static string? ChannelId(string token) =>
        ChannelRef().Match(token) is { Success: true } m ? m.Groups["id"].Value : null;

    private static string Unescape(string text) =>
        text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    [GeneratedRegex(@"<(?<ref>[^<>|]+)(?:\|(?<label>[^<>]*))?>", RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"^(?:<@(?<id>[UW][A-Z0-9]{2,})(?:\|[^>]*)?>|(?<id>[UW][A-Z0-9]{2,}))$", RegexOptions.CultureInvariant)]
    private static partial Regex UserRef();

    [GeneratedRegex(@"^<#(?<id>[CG][A-Z0-9]{2,})(?:\|[^>]*)?>$", RegexOptions.CultureInvariant)]
    private static partial Regex ChannelRef();
}
