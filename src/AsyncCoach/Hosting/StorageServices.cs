using AsyncCoach.Caching;
using AsyncCoach.Storage;
using AsyncCoach.Storage.Postgres;
using AsyncCoach.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Hosting;

/// <summary>
/// Registers storage: the migration at start (<see cref="DatabaseInitializer"/>, the first hosted
/// service, so the loops registered after it begin on a migrated database), the stores' caches'
/// settings, and the provider <c>Storage:Provider</c> names: its stores, its machinery and its
/// background work, all behind the interfaces in <c>Storage/</c>.
/// </summary>
public static class StorageServices
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddOptions<CacheOptions>().BindConfiguration(CacheOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CacheOptions>, CacheOptionsValidator>();
        services.AddSingleton<DatabaseReadiness>();

        // Host start waits for the migration (see DatabaseInitializer).
        services.AddHostedService<DatabaseInitializer>();

        var provider = configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"];
        if (StorageOptions.Names(provider, StorageOptions.Sqlite))
        {
            services.AddSqliteStorage();
            return services;
        }

        if (StorageOptions.Names(provider, StorageOptions.Postgres))
        {
            services.AddPostgresStorage();
            return services;
        }

        // No provider this version knows: StorageOptionsValidator stops the service at start naming
        // the key. The host is built (its hosted services resolved) before options are validated, so
        // SQLite's registrations stand in; the first of them to be made reads the options, and so
        // fails validation, before anything touches a file.
        services.AddSqliteStorage();
        return services;
    }
}
