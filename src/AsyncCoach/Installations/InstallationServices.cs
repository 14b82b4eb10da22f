using AsyncCoach.Slack.WebApi;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Installations;

/// <summary>Registers installations: the per-team Slack clients, tokens at rest, the registry.</summary>
public static class InstallationServices
{
    public static IServiceCollection AddInstallations(this IServiceCollection services)
    {
        services.AddOptions<InstallationOptions>().BindConfiguration(InstallationOptions.Section);
        services.AddSingleton<ConfiguredBotToken>();
        services.AddSingleton<OrgTeams>();
        services.AddSingleton<TokenRefresher>();
        services.AddSingleton<TeamTokens>();
        services.AddSingleton<ISlackClientFactory, SlackClientFactory>();

        services.AddDataProtection().SetApplicationName("AsyncCoach");
        services.AddSingleton<IConfigureOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>, KeyRingLocation>();
        services.AddSingleton<ITokenProtector, DataProtectionTokenProtector>();

        services.AddSingleton<OAuthStates>();
        services.AddSingleton<OAuthInstaller>();

        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>();
        services.AddSingleton<RetentionPass>();
        services.AddSingleton<LeavingHandler>();

        services.AddHostedService<InstallationStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionPass>());
        return services;
    }
}
