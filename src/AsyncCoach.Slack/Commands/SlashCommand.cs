namespace AsyncCoach.Slack.Commands;

/// <summary>
/// A slash command invocation (https://docs.slack.dev/interactivity/implementing-slash-commands).
/// The deprecated verification <c>token</c> and <c>user_name</c> are deliberately not kept.
/// <see cref="IsEnterpriseInstall"/>: sent from a workspace of an org-wide (Enterprise Grid) install.
/// </summary>
public sealed record SlashCommand(
    string TeamId,
    string ChannelId,
    string UserId,
    string Command,
    string Text,
    string? ResponseUrl,
    string? TriggerId,
    string? ChannelName,
    string? EnterpriseId,
    bool IsEnterpriseInstall = false);
