using AsyncCoach.Commands;
using AsyncCoach.Installations;
using AsyncCoach.Slack.Commands;

namespace AsyncCoach.Acceptance;

/// <summary>
/// Accepts a slash command, whichever transport brought it: runs it within Slack's budget
/// (<see cref="CommandRunner"/>: a slow answer goes to the command's <c>response_url</c>) and returns
/// the reply that goes back in the acknowledgement (the HTTP body, or the Socket Mode ack's payload).
/// A command from a workspace of an org-wide install links that workspace to its organisation
/// first (<see cref="OrgTeams"/>), so the command's calls use the org's token.
/// </summary>
public sealed partial class CommandAcceptor(CommandRunner runner, OrgTeams orgs, ILogger<CommandAcceptor> logger)
{
    /// <param name="field">A field's value, or null when it is missing or empty.</param>
    /// <param name="cancellationToken">The request's or connection's end.</param>
    public async Task<CommandAcceptance> AcceptAsync(Func<string, string?> field, CancellationToken cancellationToken)
    {
        var command = SlashCommandReader.Read(field, out var missing);
        return command is null ? new CommandAcceptance(missing, null) : await AcceptAsync(command, cancellationToken);
    }

    /// <summary>Runs a command already read by the transport (<see cref="SlashCommandReader"/>).</summary>
    public async Task<CommandAcceptance> AcceptAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        await LinkOrgAsync(command, cancellationToken);
        return new CommandAcceptance(null, await runner.RunAsync(command, cancellationToken));
    }

    private async Task LinkOrgAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        try
        {
            await orgs.LinkIfOrgWideAsync(command.TeamId, command.EnterpriseId, command.IsEnterpriseInstall, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The command still runs; its calls are routed as before (the next event links the workspace).
            Log.LinkFailed(logger, command.TeamId, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2900, Level = LogLevel.Warning, Message = "Could not link workspace {TeamId} to its org-wide install before a slash command")]
        public static partial void LinkFailed(ILogger logger, string teamId, Exception exception);
    }
}

/// <summary><see cref="MissingField"/> set: a required field was missing and nothing ran. Otherwise <see cref="Reply"/> is the answer.</summary>
public sealed record CommandAcceptance(string? MissingField, CommandReply? Reply);
