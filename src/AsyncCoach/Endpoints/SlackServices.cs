using AsyncCoach.Hosting;
using AsyncCoach.Slack;
using AsyncCoach.Slack.Signing;
using AsyncCoach.Slack.WebApi;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Endpoints;

/// <summary>
/// Registers the connection to Slack: the <c>Slack:*</c> settings, the Web API client, and the
/// signature check every request to <c>/slack/*</c> passes (<see cref="SlackRequestFilter"/>).
/// </summary>
public static class SlackServices
{
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSlackWebApi(configuration);
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        services.AddSingleton(sp => new SlackSignatureVerifier(
            sp.GetRequiredService<IOptions<SlackOptions>>().Value.SigningSecret ?? "",
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SlackRequestFilter>();
        return services;
    }
}
