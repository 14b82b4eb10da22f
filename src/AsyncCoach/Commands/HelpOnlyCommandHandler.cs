using AsyncCoach.Slack.Commands;

namespace AsyncCoach.Commands;

/// <summary>Answers every command with the usage text; replaced once subcommands exist.</summary>
public sealed class HelpOnlyCommandHandler : ISlashCommandHandler
{
    public Task<CommandReply> HandleAsync(SlashCommand command, CancellationToken cancellationToken) =>
        Task.FromResult(CommandReply.Ephemeral($"AsyncCoach is listening. Usage: {command.Command} help"));
}
