using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// Registers the PostgreSQL provider (<c>Storage:Provider=postgres</c>): what is ported so far is
/// below; <see cref="NotPorted"/> names the parts still missing, and while it is not empty the
/// provider refuses to start (<c>StorageOptionsValidator</c>) rather than run half on SQLite.
/// </summary>
public static class PostgresServices
{
    /// <summary>The storage interfaces that have no PostgreSQL implementation yet.</summary>
    public static readonly IReadOnlyList<string> NotPorted =
    [
        "IStorage (units of work, the processor's session, readiness)",
        "IInboxStore (the batch insert at acknowledgement exists, not the processor's side)",
        "IFindingStore", "INudgeStore", "IPendingFindingStore", "IActivityStore",
        "INormsStore", "IPhraseFeedbackStore",
        "IDigestStore", "IDigestSettingsStore", "IInstallationStore", "ITeamDataStore", "IHomeViewStore",
    ];

    public static IServiceCollection AddPostgresStorage(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IValidateOptions<StorageOptions>, PostgresOptionsValidator>();
        services.AddSingleton(sp => new PostgresDatabase(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString));
        services.AddSingleton<InstanceIdentity>();
        services.AddSingleton<IDatabaseMigrator, PostgresDatabaseMigrator>();
        services.AddSingleton<PostgresInboxStore>();
        services.AddSingleton<IOutboxStore, PostgresOutboxStore>();
        services.AddSingleton<IOAuthStateStore, PostgresOAuthStateStore>();
        services.AddSingleton<IApiCallStore, PostgresApiCallStore>();
        services.AddSingleton<IPersonSettingsStore, PostgresPersonSettingsStore>();
        services.AddSingleton<IFindingCountStore, PostgresFindingCountStore>();

        // First among the key ring's configurations: the file location defers to a repository already set.
        services.Insert(0, ServiceDescriptor.Singleton<IConfigureOptions<KeyManagementOptions>, PostgresKeyRing>());
        return services;
    }
}
