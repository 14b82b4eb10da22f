using AsyncCoach.Slack.Commands;

namespace AsyncCoach.Commands;

/// <summary>Answers a slash command within Slack's 3 seconds.</summary>
public interface ISlashCommandHandler
{
    Task<CommandReply> HandleAsync(SlashCommand command, CancellationToken cancellationToken);
}
