using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// Registers the PostgreSQL provider (<c>Storage:Provider=Postgres</c>). What is ported so far is
/// below; <see cref="NotPorted"/> names the stores still missing, and while it is not empty the
/// provider refuses to start (<c>StorageOptionsValidator</c>) rather than run half on SQLite.
/// </summary>
public static class PostgresStorage
{
    /// <summary>The stores that have no PostgreSQL implementation yet.</summary>
    public static readonly IReadOnlyList<string> NotPorted =
    [
        "the inbox processor's rounds (InboxStore, FindingStore, NudgeStore, PendingFindingStore, ActivityStore)",
        "NormsStore", "PersonSettingsStore", "PhraseFeedbackStore", "DigestStore", "DigestSettingsStore",
        "InstallationStore", "OAuthStateStore", "TeamDataStore", "HomeViewStore", "ApiCallStore",
    ];

    public static IServiceCollection AddPostgresStorage(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new PostgresDatabase(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString));
        services.AddSingleton<InstanceIdentity>();
        services.AddSingleton<PostgresInboxStore>();
        services.AddSingleton<PostgresOutboxStore>();

        // First among the key ring's configurations: the file location defers to a repository already set.
        services.Insert(0, ServiceDescriptor.Singleton<IConfigureOptions<KeyManagementOptions>, PostgresKeyRing>());
        return services;
    }
}
