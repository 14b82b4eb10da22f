using Microsoft.Extensions.Options;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>Registers the SQLite provider: the file, its machinery, and every store behind its interface.</summary>
public static class SqliteStorageServices
{
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<StorageOptions>, SqliteOptionsValidator>();
        services.AddSingleton<SqliteDatabase>();
        // Real time for the join window whatever TimeProvider the host has: a write must not wait
        // for a fake clock that tests never advance.
        services.AddSingleton(sp => new SqliteGroupCommit(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<IStorage, SqliteStorage>();
        services.AddSingleton<IDatabaseMigrator, SqliteMigrator>();
        services.AddHostedService<WalCheckpointer>();

        services.AddSingleton<IInboxStore, InboxStore>();
        services.AddSingleton<IFindingStore, FindingStore>();
        services.AddSingleton<IPendingFindingStore, PendingFindingStore>();
        services.AddSingleton<IActivityStore, ActivityStore>();
        services.AddSingleton<IFindingCountStore, FindingCountStore>();
        services.AddSingleton<INudgeStore, NudgeStore>();
        services.AddSingleton<IOutboxStore, OutboxStore>();
        services.AddSingleton<IHomeViewStore, HomeViewStore>();
        services.AddSingleton<INormsStore, NormsStore>();
        services.AddSingleton<IPhraseFeedbackStore, PhraseFeedbackStore>();
        services.AddSingleton<IPersonSettingsStore, PersonSettingsStore>();
        services.AddSingleton<IDigestStore, DigestStore>();
        services.AddSingleton<IDigestSettingsStore, DigestSettingsStore>();
        services.AddSingleton<IInstallationStore, InstallationStore>();
        services.AddSingleton<IApiCallStore, ApiCallStore>();
        services.AddSingleton<IOAuthStateStore, OAuthStateStore>();
        services.AddSingleton<ITeamDataStore, TeamDataStore>();
        return services;
    }
}
