using AsyncCoach.Interactivity;
using AsyncCoach.Nudges;
using Microsoft.Extensions.Options;

namespace AsyncCoach.AppHome;

/// <summary>Registers the Home tab: the event handler, the publisher and outbox kind, the buttons and the modal.</summary>
public static class AppHomeServices
{
    public static IServiceCollection AddAppHome(this IServiceCollection services)
    {
        services.AddOptions<HomeOptions>().BindConfiguration(HomeOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HomeOptions>, HomeOptionsValidator>();
        services.AddSingleton<HomePublisher>();
        services.AddSingleton<HomePageLoader>();
        services.AddSingleton<IOutboxKindSender, HomeViewSender>();
        services.AddSingleton<IOutboxKindSender, DigestPreviewSender>();
        services.AddScoped<AppHomeOpenedHandler>();
        services.AddScoped<IBlockActionHandler, HomeActionHandler>();
        services.AddScoped<IViewSubmissionHandler, HoursSubmissionHandler>();
        return services;
    }
}
