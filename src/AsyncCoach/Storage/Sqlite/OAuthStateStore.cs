using Dapper;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>SQL for oauth_states: install links already used, so each is accepted once.</summary>
public sealed class OAuthStateStore(SqliteDatabase database) : IOAuthStateStore
{
    private const string UseSql = """
        INSERT INTO oauth_states (nonce, used_at, expires_at) VALUES (@Nonce, @Now, @ExpiresAt)
        ON CONFLICT (nonce) DO NOTHING
        """;

    /// <summary>Records the state as used; false when it already was (a replay). One statement, so two racing callbacks cannot both win.</summary>
    public async Task<bool> TryUseAsync(string nonce, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        var inserted = await write.Connection.ExecuteAsync(UseSql, new { Nonce = nonce, Now = now, ExpiresAt = expiresAt }, write.Transaction);
        await write.CommitAsync(cancellationToken);
        return inserted == 1;
    }
}
