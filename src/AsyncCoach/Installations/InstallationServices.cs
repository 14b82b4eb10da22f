using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Installations;

/// <summary>Registers installations: the per-team Slack clients, tokens at rest, the registry.</summary>
public static class InstallationServices
{
    public static IServiceCollection AddInstallations(this IServiceCollection services)
    {
        services.AddOptions<InstallationOptions>().BindConfiguration(InstallationOptions.Section);
        services.AddSingleton<InstallationStore>();
        services.AddSingleton<ApiCallStore>();
        services.AddSingleton<ConfiguredBotToken>();
        services.AddSingleton<TeamTokens>();
        services.AddSingleton<ISlackClientFactory, SlackClientFactory>();

        services.AddDataProtection().SetApplicationName("AsyncCoach");
        services.AddSingleton<IConfigureOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>, KeyRingLocation>();
        services.AddSingleton<ITokenProtector, DataProtectionTokenProtector>();

        services.AddHostedService<InstallationStartup>();
        return services;
    }
}
