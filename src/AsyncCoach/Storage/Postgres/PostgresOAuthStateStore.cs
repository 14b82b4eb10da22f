namespace AsyncCoach.Storage.Postgres;

/// <summary>Install links already used, on PostgreSQL: one insert, so of two instances racing with one nonce exactly one wins.</summary>
public sealed class PostgresOAuthStateStore(PostgresDatabase database) : IOAuthStateStore
{
    private const string UseSql = """
        INSERT INTO oauth_states (nonce, used_at, expires_at) VALUES (@Nonce, @Now, @ExpiresAt)
        ON CONFLICT (nonce) DO NOTHING
        """;

    public async Task<bool> TryUseAsync(string nonce, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Pg.Command(connection, UseSql).With("Nonce", nonce).WithInstant("Now", now).WithInstant("ExpiresAt", expiresAt);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
