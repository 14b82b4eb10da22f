using AsyncCoach.Slack.Commands;
using AsyncCoach.Slack.WebApi;

namespace AsyncCoach.Commands;

/// <summary>
/// Runs a slash command in its own DI scope and answers within Slack's 3 seconds: if the work is
/// not done after <see cref="Budget"/>, the HTTP response is a short ephemeral "working on it" and
/// the real answer goes to the command's <c>response_url</c> when it is ready. A failure becomes a
/// polite one-line reply; nothing about the command's text is logged.
/// </summary>
public sealed partial class CommandRunner(
    IServiceScopeFactory scopes,
    IResponseUrlClient responseUrl,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<CommandRunner> logger)
{
    public static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(2500);

    public const string WorkingOnIt = "Working on it…";

    public async Task<CommandReply> RunAsync(SlashCommand command, CancellationToken requestAborted)
    {
        // The budget starts before the work, and Task.Run keeps even synchronous work from holding
        // the acknowledgement back.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        var expired = Task.Delay(Budget, time, budget.Token);
        var work = Task.Run(() => RunInScopeAsync(command, lifetime.ApplicationStopping), CancellationToken.None);
        if (await Task.WhenAny(work, expired) == work)
        {
            await budget.CancelAsync();
            return await work;
        }

        Log.Deferred(logger, command.TeamId, Budget.TotalMilliseconds);
        _ = DeliverLaterAsync(command, work);
        return CommandReply.Ephemeral(WorkingOnIt);
    }

    private async Task<CommandReply> RunInScopeAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ISlashCommandHandler>().HandleAsync(command, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.Failed(logger, command.TeamId, ex);
            return CommandReply.Ephemeral("Sorry, something went wrong on AsyncCoach's side and nothing was changed. Please try again in a minute.");
        }
    }

    private async Task DeliverLaterAsync(SlashCommand command, Task<CommandReply> work)
    {
        try
        {
            var reply = await work;
            if (!Uri.TryCreate(command.ResponseUrl, UriKind.Absolute, out var url))
            {
                Log.NoResponseUrl(logger, command.TeamId);
                return;
            }

            await responseUrl.PostAsync(url, reply.ToMessage(), lifetime.ApplicationStopping);
        }
        catch (Exception ex)
        {
            Log.DeliveryFailed(logger, command.TeamId, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1601, Level = LogLevel.Information, Message = "A slash command for team {TeamId} took longer than {BudgetMs} ms; the answer follows through response_url")]
        public static partial void Deferred(ILogger logger, string teamId, double budgetMs);

        [LoggerMessage(EventId = 1602, Level = LogLevel.Error, Message = "A slash command for team {TeamId} failed")]
        public static partial void Failed(ILogger logger, string teamId, Exception exception);

        [LoggerMessage(EventId = 1603, Level = LogLevel.Warning, Message = "A slow slash command for team {TeamId} had no usable response_url; its answer was dropped")]
        public static partial void NoResponseUrl(ILogger logger, string teamId);

        [LoggerMessage(EventId = 1604, Level = LogLevel.Warning, Message = "Posting a slow slash command's answer to response_url failed for team {TeamId}")]
        public static partial void DeliveryFailed(ILogger logger, string teamId, Exception exception);
    }
}
