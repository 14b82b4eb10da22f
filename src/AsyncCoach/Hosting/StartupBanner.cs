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
    IStorage storage,
    ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var urls = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var first = urls.FirstOrDefault() ?? "http://localhost:5080";
            var options = slack.Value;
            var mode = options.IsDryRun
                ? "dry-run (no Slack:BotToken: Web API calls are logged and recorded in the database, not sent)"
                : options.HasOAuth
                    ? "live (talking to Slack; installs at /slack/install; workspaces without an installation or token are dry-run)"
                    : "live (talking to Slack)";
            const string Urls = "/slack/events, /slack/commands, /slack/interactivity";
            var from = (string.IsNullOrWhiteSpace(options.AppToken), string.IsNullOrWhiteSpace(options.SigningSecret)) switch
            {
                (true, _) => $"Slack request URLs: {Urls}",
                (false, true) => "Slack events, commands and interactions arrive over Socket Mode (Slack:AppToken); no public URL is needed",
                (false, false) => $"Slack events, commands and interactions arrive over Socket Mode (Slack:AppToken), and at the request URLs {Urls} as well",
            };
            Log.Started(logger, mode, storage.Description, string.Join(", ", urls), from,
                $"curl {first}/healthz",
                "dotnet run --project src/AsyncCoach -- check \"hey <@U2> got a minute?\"");
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information,
            Message = "AsyncCoach is running in {Mode}. Database: {Database}. Listening on {Urls}. {From}. Try: {Health}  or, offline: {Check}")]
        public static partial void Started(ILogger logger, string mode, string database, string urls, string from, string health, string check);
    }
}
