using AsyncCoach.Interactivity;
using AsyncCoach.Pipeline;
using AsyncCoach.Storage;

namespace AsyncCoach.Nudges;

/// <summary>Registers the coaching loop: the nudging sink, the outbox sender, the buttons.</summary>
public static class NudgeServices
{
    public static IServiceCollection AddNudges(this IServiceCollection services)
    {
        services.AddOptions<NudgeOptions>().BindConfiguration(NudgeOptions.Section);
        services.AddSingleton<IOutboxKindSender, NudgeKindSender>();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<NudgingFindingSink>();
        services.AddScoped<IFindingSink>(sp => new ActivityCountingSink(
            new PendingFindingsSink(sp.GetRequiredService<NudgingFindingSink>(), sp.GetRequiredService<TrackerHost>(), sp.GetRequiredService<IPendingFindingStore>()),
            sp.GetRequiredService<ActivityTally>()));
        services.AddSingleton<INudgeLedger, OutboxNudgeLedger>();
        services.AddSingleton<INudgeHistory, OutboxNudgeHistory>();
        services.AddScoped<IBlockActionHandler, NudgeActionHandler>();
        services.AddHostedService<OutboxSender>();
        return services;
    }
}
