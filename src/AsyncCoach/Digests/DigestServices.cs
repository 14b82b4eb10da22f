using AsyncCoach.Commands;
using AsyncCoach.Nudges;

namespace AsyncCoach.Digests;

/// <summary>Registers the weekly digest: settings, aggregates, the scheduler and the outbox kind.</summary>
public static class DigestServices
{
    public static IServiceCollection AddDigests(this IServiceCollection services)
    {
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section);
        services.AddSingleton<DigestComposer>();
        services.AddSingleton<DigestRun>();
        services.AddSingleton<IOutboxKindSender, DigestKindSender>();
        services.AddScoped<DigestSubcommand>();
        services.AddHostedService<DigestScheduler>();
        return services;
    }
}
