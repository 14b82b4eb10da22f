using AsyncCoach.Commands;
using AsyncCoach.Slack.Commands;

namespace AsyncCoach.Acceptance;

/// <summary>
/// Accepts a slash command, whichever transport brought it: runs it within Slack's budget
/// (<see cref="CommandRunner"/>: a slow answer goes to the command's <c>response_url</c>) and returns
/// the reply that goes back in the acknowledgement (the HTTP body, or the Socket Mode ack's payload).
/// </summary>
public sealed class CommandAcceptor(CommandRunner runner)
{
    /// <param name="field">A field's value, or null when it is missing or empty.</param>
    /// <param name="cancellationToken">The request's or connection's end.</param>
    public async Task<CommandAcceptance> AcceptAsync(Func<string, string?> field, CancellationToken cancellationToken)
    {
        var command = SlashCommandReader.Read(field, out var missing);
        if (command is null)
        {
            return new CommandAcceptance(missing, null);
        }

        return new CommandAcceptance(null, await runner.RunAsync(command, cancellationToken));
    }
}

/// <summary><see cref="MissingField"/> set: a required field was missing and nothing ran. Otherwise <see cref="Reply"/> is the answer.</summary>
public sealed record CommandAcceptance(string? MissingField, CommandReply? Reply);
