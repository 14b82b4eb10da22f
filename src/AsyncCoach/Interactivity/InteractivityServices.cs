namespace AsyncCoach.Interactivity;

/// <summary>
/// Registers the interaction router and the buttons of the commands' answers (forget-me's
/// confirmation, classify's share). Other features register their own
/// <see cref="IBlockActionHandler"/>s and <see cref="IViewSubmissionHandler"/>s.
/// </summary>
public static class InteractivityServices
{
    public static IServiceCollection AddInteractivity(this IServiceCollection services)
    {
        services.AddScoped<IBlockActionHandler, ForgetMeHandler>();
        services.AddSingleton<IBlockActionHandler, ClassifyShareHandler>();
        services.AddScoped<IInteractionHandler, InteractionRouter>();
        return services;
    }
}
