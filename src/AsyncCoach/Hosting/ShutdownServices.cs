using Microsoft.Extensions.Options;

namespace AsyncCoach.Hosting;

/// <summary>Registers <c>Shutdown:*</c>, which also sets the host's own shutdown timeout.</summary>
public static class ShutdownServices
{
    public static IServiceCollection AddShutdown(this IServiceCollection services)
    {
        services.AddOptions<ShutdownOptions>().BindConfiguration(ShutdownOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ShutdownOptions>, ShutdownOptionsValidator>();
        services.AddOptions<HostOptions>().Configure<IConfiguration>(ShutdownOptionsValidator.ApplyTo);
        return services;
    }
}
