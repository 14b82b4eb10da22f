using AsyncCoach.Acceptance;
using AsyncCoach.Slack;
using AsyncCoach.Slack.SocketMode;
using Microsoft.Extensions.Options;

namespace AsyncCoach.SocketMode;

/// <summary>Registration of the transport-neutral acceptors and of the Socket Mode client.</summary>
public static class SocketModeServices
{
    /// <summary>
    /// The acceptors both transports call, and Socket Mode: its client runs only when
    /// <c>Slack:AppToken</c> is set; <see cref="SocketModeStatus"/> is always there for <c>/readyz</c>.
    /// </summary>
    public static IServiceCollection AddSocketMode(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<EventAcceptor>();
        services.AddSingleton<CommandAcceptor>();
        services.AddScoped<InteractionAcceptor>();

        services.AddOptions<SocketModeOptions>().BindConfiguration(SocketModeOptions.Section).ValidateOnStart();
        services.AddSingleton<SocketModeOptionsValidator>();
        services.AddSingleton<IValidateOptions<SocketModeOptions>>(sp => sp.GetRequiredService<SocketModeOptionsValidator>());
        services.AddSingleton<IValidateOptions<SlackOptions>>(sp => sp.GetRequiredService<SocketModeOptionsValidator>());

        services.AddSingleton(new SocketModeStatus(IsEnabled(configuration)));
        services.AddSingleton<SocketEnvelopeHandler>();
        services.AddHttpClient<ConnectionsOpenClient>(http => http.Timeout = TimeSpan.FromSeconds(10))
            // HttpClientFactory's header log keeps raw values in its structured state: the app token must not reach a log.
            .RemoveAllLoggers();
        services.AddHostedService<SocketModeService>();
        return services;
    }

    /// <summary>Socket Mode is on when an app-level token is configured.</summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{SlackOptions.Section}:{nameof(SlackOptions.AppToken)}"]);

    /// <summary>
    /// Whether the signed Slack request URLs are served: always over HTTP, and in Socket Mode only
    /// when a signing secret is configured too (without one no request could be verified).
    /// </summary>
    public static bool ServesSlackRequestUrls(IConfiguration configuration) =>
        !IsEnabled(configuration) || !string.IsNullOrWhiteSpace(configuration[$"{SlackOptions.Section}:{nameof(SlackOptions.SigningSecret)}"]);
}
