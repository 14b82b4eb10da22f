using AsyncCoach.Inbox;

namespace AsyncCoach.Pipeline;

/// <summary>
/// Registers the rules' pipeline: one tracker per process (and the clock that moves it when the
/// inbox is idle), its context loaded from storage and the workspace, and the digest's tallies.
/// </summary>
public static class PipelineServices
{
    public static IServiceCollection AddPipeline(this IServiceCollection services)
    {
        services.AddScoped<IMessagePipeline, RulesMessagePipeline>();
        services.AddScoped<ActivityTally>();
        services.AddScoped<FindingCountTally>();
        services.AddSingleton<ActivityPeopleSeen>();
        services.AddSingleton<TrackerHost>();
        services.AddSingleton<IInboxRoundPreparer>(sp => sp.GetRequiredService<TrackerHost>());
        services.AddSingleton<IInboxHoldBack>(sp => sp.GetRequiredService<TrackerHost>());
        services.AddSingleton<IInboxIdleHandler, TrackerClock>();
        services.AddSingleton<MessageContextLoader>();
        return services;
    }
}
