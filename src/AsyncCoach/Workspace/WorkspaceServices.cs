using AsyncCoach.Hosting;
using AsyncCoach.Installations;
using AsyncCoach.Slack;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Workspace;

/// <summary>
/// Registers the people directory. With Slack credentials, people are listed per workspace at
/// start and kept current from <c>user_change</c>/<c>team_join</c>; lookups run ahead of the
/// inbox rounds (<c>InboxLookAhead</c>), within each workspace's budget. With none at all, the
/// directory knows nobody (there is no Slack to ask).
/// </summary>
public static class WorkspaceServices
{
    public static IServiceCollection AddWorkspace(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkspaceOptions>().BindConfiguration(WorkspaceOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkspaceOptions>, WorkspaceOptionsValidator>();

        var dryRun = configuration.GetSection(SlackOptions.Section).Get<SlackOptions>()?.IsDryRun ?? true;
        if (dryRun)
        {
            services.AddSingleton<IWorkspaceDirectory, OfflineWorkspaceDirectory>();
            return services;
        }

        services.AddSingleton<SlackWorkspaceDirectory>();
        services.AddSingleton<IWorkspaceDirectory>(sp => sp.GetRequiredService<SlackWorkspaceDirectory>());
        services.AddHostedService<WorkspaceWarmup>();
        services.AddSingleton<IInstallObserver, InstallWarmup>();
        return services;
    }
}
