using AsyncCoach.AppHome;
using AsyncCoach.Commands;
using AsyncCoach.Endpoints;
using AsyncCoach.Inbox;
using AsyncCoach.Installations;
using AsyncCoach.Interactivity;
using AsyncCoach.Digests;
using AsyncCoach.Nudges;
using AsyncCoach.Observability;
using AsyncCoach.Pipeline;
using AsyncCoach.SocketMode;
using AsyncCoach.Workspace;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AsyncCoach.Hosting;

/// <summary>Composition of the service: what Program.cs calls.</summary>
public static class AsyncCoachServices
{
    /// <summary>The service's features, one registration each, in the order their hosted services start.</summary>
    public static WebApplicationBuilder AddAsyncCoach(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.TryAddSingleton(TimeProvider.System);

        services.AddSlack(configuration);
        services.AddShutdown();

        // Start order matters: the migration starts first (and host start waits for it), the
        // inbox's loops begin once the database is migrated.
        services.AddStorage(configuration);
        services.AddInbox();
        services.AddHostedService<StartupBanner>();

        // The acceptors, and Socket Mode when Slack:AppToken is set. After the inbox's loops, so
        // it stops before them: what it is handling still reaches the inbox and is acknowledged.
        services.AddSocketMode(configuration);

        // Rules: the tracker and the context each message is judged in.
        services.AddPipeline();

        // Findings are recorded and turned into at most one nudge per message (outbox + sender).
        services.AddNudges();
        services.AddDigests();

        // Every Web API call with its own team's token (ISlackClientFactory.ForTeam); a team with
        // no token is dry-run: its calls are recorded instead of sent.
        services.AddInstallations();
        services.AddWorkspace(configuration);

        services.AddCommands();
        services.AddInteractivity();
        services.AddAppHome();

        services.AddProblemDetails();

        // Metrics and traces (after AddSlack: its handler goes inside the Web API client's retry pipeline).
        services.AddObservability(configuration);
        return builder;
    }

    public static WebApplication MapAsyncCoach(this WebApplication app)
    {
        app.MapObservability();
        app.MapHealth();
        if (SocketModeServices.ServesSlackRequestUrls(app.Configuration))
        {
            app.MapSlack();
        }

        // The install pages are for a person's browser, not for Slack: served in either mode.
        app.MapInstall();
        return app;
    }
}
