using AsyncCoach.Slack;
using AsyncCoach.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Hosting;

/// <summary>Tells whoever started the service what mode it is in and how to try it.</summary>
public sealed partial class StartupBanner(
    IHostApplicationLifetime lifetime,
    IServer server,
    IOptions<SlackOptions> slack,
    SqliteDatabase database,
    ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var urls = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var first = urls.FirstOrDefault() ?? "http://localhost:5080";
            var mode = slack.Value.IsDryRun
                ? "dry-run (no Slack:BotToken: Web API calls are logged and recorded in the database, not sent)"
                : "live (talking to Slack)";
            Log.Started(logger, mode, Path.GetFullPath(database.FilePath), string.Join(", ", urls),
                $"curl {first}/healthz",
                "dotnet run --project src/AsyncCoach -- check \"hey <@U2> got a minute?\"");
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information,
            Message = "AsyncCoach is running in {Mode}. Database: {Database}. Listening on {Urls}. Slack request URLs: /slack/events, /slack/commands, /slack/interactivity. Try: {Health}  or, offline: {Check}")]
        public static partial void Started(ILogger logger, string mode, string database, string urls, string health, string check);
    }
}
