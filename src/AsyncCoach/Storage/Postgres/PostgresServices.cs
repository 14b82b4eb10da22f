using AsyncCoach.Caching;
using AsyncCoach.Inbox;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// Registers the PostgreSQL provider (<c>Storage:Provider=postgres</c>): every storage interface,
/// the migrator, the key ring in the database, the cache listener and the partition lease keeper.
/// </summary>
public static class PostgresServices
{
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<InboxSignal>();
        services.AddSingleton<IValidateOptions<StorageOptions>, PostgresOptionsValidator>();
        services.AddSingleton(sp => new PostgresDatabase(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString));
        services.AddSingleton<InstanceIdentity>();
        services.AddSingleton<IDatabaseMigrator, PostgresDatabaseMigrator>();

        // The processing path (pgcore): units of work, the inbox (acknowledgement and processor)
        // and the stores a round writes.
        services.AddSingleton<IStorage, PostgresStorage>();
        services.AddSingleton<PostgresInboxStore>();
        services.AddSingleton<IInboxStore>(sp => sp.GetRequiredService<PostgresInboxStore>());
        services.TryAddSingleton<DatabaseReadiness>();
        services.AddSingleton<IInboxAppender, PostgresInboxAppender>();
        services.AddSingleton<IInboxBacklog, PostgresInboxBacklog>();
        services.AddSingleton<IFindingStore, PostgresFindingStore>();
        services.AddSingleton<IPendingFindingStore, PostgresPendingFindingStore>();
        services.AddSingleton<IActivityStore, PostgresActivityStore>();
        services.AddSingleton<INudgeStore, PostgresNudgeStore>();
        services.AddSingleton<INormsStore, PostgresNormsStore>();
        services.AddSingleton<IPhraseFeedbackStore, PostgresPhraseFeedbackStore>();

        services.AddSingleton<IOutboxStore, PostgresOutboxStore>();
        services.AddSingleton<IOAuthStateStore, PostgresOAuthStateStore>();
        services.AddSingleton<IApiCallStore, PostgresApiCallStore>();
        services.AddSingleton<IPersonSettingsStore, PostgresPersonSettingsStore>();
        services.AddSingleton<IFindingCountStore, PostgresFindingCountStore>();

        // Branch pgrest (issue #19): the remaining stores, cache invalidation, partition leases.
        services.AddOptions<CacheOptions>();
        services.AddSingleton<IDigestStore, PostgresDigestStore>();
        services.AddSingleton<IDigestSettingsStore, PostgresDigestSettingsStore>();
        services.AddSingleton<IInstallationStore, PostgresInstallationStore>();
        services.AddSingleton<ITeamDataStore, PostgresTeamDataStore>();
        services.AddSingleton<IHomeViewStore, PostgresHomeViewStore>();
        services.AddSingleton<PostgresCacheListener>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgresCacheListener>());
        services.AddSingleton<PostgresPartitionLeaseStore>();
        services.AddSingleton<PartitionLeaseKeeper>();
        services.AddHostedService(sp => sp.GetRequiredService<PartitionLeaseKeeper>());
        // Branch part19: the processor processes the conversations of the partitions leased.
        services.AddSingleton<PartitionOwnership>();
        services.AddSingleton<IConversationOwnership>(sp => sp.GetRequiredService<PartitionOwnership>());

        // First among the key ring's configurations: the file location defers to a repository already set.
        services.Insert(0, ServiceDescriptor.Singleton<IConfigureOptions<KeyManagementOptions>, PostgresKeyRing>());
        return services;
    }
}
