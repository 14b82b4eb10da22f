using AsyncCoach.Interactivity;
using AsyncCoach.Observability;
using AsyncCoach.Pipeline;
using AsyncCoach.Storage;
using AsyncCoach.Workspace;

namespace AsyncCoach.Nudges;

/// <summary>Registers the coaching loop: the nudging sink, the outbox sender, the buttons.</summary>
public static class NudgeServices
{
    public static IServiceCollection AddNudges(this IServiceCollection services)
    {
        services.AddOptions<NudgeOptions>().BindConfiguration(NudgeOptions.Section);
        services.AddSingleton<IOutboxKindSender, NudgeKindSender>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxHandoff>();
        // The nudging sink inserts findings through the round's CountingFindingStore, so the round's
        // FindingCountTally counts the digest's findings counters it writes after them.
        services.AddScoped(sp => new NudgingFindingSink(
            new CountingFindingStore(sp.GetRequiredService<IFindingStore>(), sp.GetRequiredService<FindingCountTally>()),
            sp.GetRequiredService<INudgeStore>(), sp.GetRequiredService<INormsStore>(), sp.GetRequiredService<IPersonSettingsStore>(),
            sp.GetRequiredService<IWorkspaceDirectory>(), sp.GetRequiredService<OutboxSignal>(), sp.GetRequiredService<OutboxHandoff>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<AsyncCoachMetrics>(), sp.GetRequiredService<ILogger<NudgingFindingSink>>()));
        services.AddScoped<IFindingSink>(sp => new ActivityCountingSink(
            new FindingCountingSink(
                new PendingFindingsSink(sp.GetRequiredService<NudgingFindingSink>(), sp.GetRequiredService<TrackerHost>(), sp.GetRequiredService<IPendingFindingStore>()),
                sp.GetRequiredService<FindingCountTally>()),
            sp.GetRequiredService<ActivityTally>()));
        services.AddSingleton<INudgeLedger, OutboxNudgeLedger>();
        services.AddSingleton<INudgeHistory, OutboxNudgeHistory>();
        services.AddScoped<IBlockActionHandler, NudgeActionHandler>();
        services.AddHostedService<OutboxSender>();
        return services;
    }
}
