using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Commands;

/// <summary>
/// Registers <c>/async</c>: a router over one class per subcommand, behind the 3-second guard
/// (<see cref="CommandRunner"/>), and the task classifier, warmed at start.
/// </summary>
public static class CommandServices
{
    public static IServiceCollection AddCommands(this IServiceCollection services)
    {
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
        services.AddScoped<ISlashCommandHandler, SlashCommandRouter>();
        return services;
    }
}
