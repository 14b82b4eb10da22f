using AsyncCoach.Slack.Commands;

namespace AsyncCoach.Commands;

/// <summary>
/// Picks the subcommand from the first word of <c>/async</c>'s text. Text of two or more words that
/// is not a subcommand is a task to classify; a single unknown word gets the usage text.
/// </summary>
public sealed class SlashCommandRouter(
    ClassifySubcommand classify,
    HoursSubcommand hours,
    SnoozeSubcommand snooze,
    OptOutSubcommand optOut,
    NormsSubcommand norms,
    StatsSubcommand stats,
    DigestSubcommand digest,
    ForgetMeSubcommand forgetMe) : ISlashCommandHandler
{
    public async Task<CommandReply> HandleAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var (word, rest) = CommandText.Split(command.Text);
        return word switch
        {
            "" or "help" or "?" => UsageText.Reply(),
            "classify" => classify.Handle(rest),
            "hours" => await hours.HandleAsync(command.TeamId, command.UserId, rest, cancellationToken),
            "snooze" => await snooze.HandleAsync(command.TeamId, command.UserId, rest, cancellationToken),
            "optout" or "opt-out" => await optOut.HandleAsync(command.TeamId, command.UserId, optOut: true, cancellationToken),
            "optin" or "opt-in" => await optOut.HandleAsync(command.TeamId, command.UserId, optOut: false, cancellationToken),
            "norms" => await norms.HandleAsync(command, rest, cancellationToken),
            "stats" => await stats.HandleAsync(command.TeamId, command.UserId, cancellationToken),
            "digest" => await digest.HandleAsync(command, rest, cancellationToken),
            "forget-me" or "forgetme" => forgetMe.Handle(command, rest),
            _ when rest.Length > 0 => classify.Handle(command.Text),
            _ => UsageText.Reply(SlackText.Plain(word)),
        };
    }
}
