using AsyncCoach.AppHome;
using AsyncCoach.Caching;
using AsyncCoach.Commands;
using AsyncCoach.Core.Taxonomy;
using AsyncCoach.Endpoints;
using AsyncCoach.Inbox;
using AsyncCoach.Installations;
using AsyncCoach.Interactivity;
using AsyncCoach.Digests;
using AsyncCoach.Nudges;
using AsyncCoach.Observability;
using AsyncCoach.Pipeline;
using AsyncCoach.Slack;
using AsyncCoach.Slack.Signing;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.SocketMode;
using AsyncCoach.Storage;
using AsyncCoach.Storage.Postgres;
using AsyncCoach.Storage.Sqlite;
using AsyncCoach.Workspace;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Hosting;

/// <summary>Composition of the service: what Program.cs calls.</summary>
public static class AsyncCoachServices
{
    public static WebApplicationBuilder AddAsyncCoach(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);

        services.AddSlackWebApi(builder.Configuration);
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddOptions<ShutdownOptions>().BindConfiguration(ShutdownOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ShutdownOptions>, ShutdownOptionsValidator>();
        services.AddOptions<HostOptions>().Configure<IConfiguration>(ShutdownOptionsValidator.ApplyTo);
        services.AddOptions<InboxOptions>().BindConfiguration(InboxOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InboxOptions>, InboxOptionsValidator>();

        services.AddSingleton(sp => new SlackSignatureVerifier(
            sp.GetRequiredService<IOptions<SlackOptions>>().Value.SigningSecret ?? "",
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SlackRequestFilter>();

        services.AddSingleton<DatabaseReadiness>();
        services.AddSingleton<InboxSignal>();
        services.AddSingleton<InboxJournal>();
        services.AddSingleton<InboxWriter>();
        services.AddSingleton<InboxProcessor>();
        services.AddSingleton<InboxRetention>();

        // Start order matters: the migration starts first (and host start waits for it, see
        // DatabaseInitializer); the background loops begin once the database is migrated.
        services.AddHostedService<DatabaseInitializer>();
        AddStorage(services, builder.Configuration);
        services.AddHostedService(sp => sp.GetRequiredService<InboxWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<InboxProcessor>());
        services.AddHostedService(sp => sp.GetRequiredService<InboxRetention>());
        services.AddHostedService<StartupBanner>();

        // The acceptors, and Socket Mode when Slack:AppToken is set. After the inbox's loops, so
        // it stops before them: what it is handling still reaches the inbox and is acknowledged.
        services.AddSocketMode(builder.Configuration);

        services.AddScoped<IInboxHandler, EventDispatcher>();
        services.AddScoped<IMessagePipeline, RulesMessagePipeline>();
        services.AddScoped<ActivityTally>();
        services.AddScoped<FindingCountTally>();
        services.AddSingleton<ActivityPeopleSeen>();

        // Rules: one tracker per process, its context loaded from storage and the workspace.
        services.AddSingleton<TrackerHost>();
        services.AddSingleton<IInboxIdleHandler, TrackerClock>();
        services.AddSingleton<MessageContextLoader>();
        services.AddSingleton<InboxLookAhead>();
        services.AddOptions<WorkspaceOptions>().BindConfiguration(WorkspaceOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkspaceOptions>, WorkspaceOptionsValidator>();
        services.AddOptions<CacheOptions>().BindConfiguration(CacheOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CacheOptions>, CacheOptionsValidator>();

        // Findings are recorded and turned into at most one nudge per message (outbox + sender).
        services.AddNudges();
        services.AddDigests();

        // Every Web API call with its own team's token (ISlackClientFactory.ForTeam); a team with
        // no token is dry-run: its calls are recorded instead of sent.
        services.AddInstallations();

        // No Slack credentials at all: the directory knows nobody (there is no Slack to ask).
        var dryRun = builder.Configuration.GetSection(SlackOptions.Section).Get<SlackOptions>()?.IsDryRun ?? true;
        if (dryRun)
        {
            services.AddSingleton<IWorkspaceDirectory, OfflineWorkspaceDirectory>();
        }
        else
        {
            // People listed per workspace at start and kept current from user_change/team_join;
            // lookups run ahead of the inbox rounds (InboxLookAhead), within each workspace's budget.
            services.AddSingleton<SlackWorkspaceDirectory>();
            services.AddSingleton<IWorkspaceDirectory>(sp => sp.GetRequiredService<SlackWorkspaceDirectory>());
            services.AddHostedService<WorkspaceWarmup>();
            services.AddSingleton<IInstallObserver, InstallWarmup>();
        }

        // Slash commands: a router over one class per subcommand, behind the 3-second guard.
        services.AddSingleton(_ => TaskClassifier.CreateDefault());
        services.AddHostedService<ClassifierWarmup>();
        services.AddSingleton<CommandRunner>();
        services.AddSingleton<PersonZones>();
        services.AddSingleton<ClassifySubcommand>();
        services.AddScoped<HoursSubcommand>();
        services.AddScoped<SnoozeSubcommand>();
        services.AddScoped<OptOutSubcommand>();
        services.AddScoped<NormsSubcommand>();
        services.AddScoped<StatsSubcommand>();
        services.AddSingleton<ForgetMeSubcommand>();
        services.AddScoped<IBlockActionHandler, ForgetMeHandler>();
        services.AddScoped<ISlashCommandHandler, SlashCommandRouter>();
        services.AddSingleton<IBlockActionHandler, ClassifyShareHandler>();
        services.AddScoped<IInteractionHandler, InteractionRouter>();
        services.AddAppHome();

        services.AddProblemDetails();

        // Metrics and traces (after AddSlackWebApi: its handler goes inside the retry pipeline).
        services.AddObservability(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// The storage provider <c>Storage:Provider</c> names: its stores, its machinery and its
    /// background work, all behind the interfaces in <c>Storage/</c>.
    /// </summary>
    private static void AddStorage(IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"];
        if (StorageOptions.Names(provider, StorageOptions.Sqlite))
        {
            services.AddSqliteStorage();
            return;
        }

        if (StorageOptions.Names(provider, StorageOptions.Postgres))
        {
            // Its own settings (connection string, lease) are checked; while stores have no
            // PostgreSQL implementation, StorageOptionsValidator stops the service at start naming
            // them (PostgresServices.NotPorted). Once none is missing, AddPostgresStorage goes here.
            services.AddSingleton<IValidateOptions<StorageOptions>, PostgresOptionsValidator>();
        }

        // Postgres (not built yet; its provider registers here) or no provider at all:
        // StorageOptionsValidator stops the service at start naming the key. The host is built
        // (its hosted services resolved) before options are validated, so SQLite's registrations
        // stand in; the first of them to be made reads the options, and so fails validation,
        // before anything touches a file.
        services.AddSqliteStorage();
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
