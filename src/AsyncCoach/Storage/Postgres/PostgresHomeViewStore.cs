using System.Globalization;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// Home tab publishes (<see cref="IHomeViewStore"/>) on PostgreSQL. Two instances deciding at once
/// read the same latest publish and name their successor after it (<c>first</c>, <c>after-{id}</c>):
/// the outbox's unique key lets one insert and turns the other into a no-op, so no lock is needed.
/// </summary>
public sealed class PostgresHomeViewStore(PostgresDatabase database, IOutboxStore outbox) : IHomeViewStore
{
    private const string LatestSql = """
        SELECT id, state, created_at
        FROM nudges
        WHERE team_id = @TeamId AND channel_id = @UserId AND kind = 'home'
        ORDER BY id DESC
        LIMIT 1
        """;

    public async Task<long?> RequestAsync(
        string teamId, string userId, bool changed, TimeSpan window, TimeSpan expiry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await PostgresTransaction.BeginAsync(database, cancellationToken);
        (long Id, string State, DateTimeOffset CreatedAt)? latest = null;
        await using (var command = transaction.Command(LatestSql).With("TeamId", teamId).With("UserId", userId))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                latest = (reader.GetInt64(0), reader.GetString(1), reader.Instant(2));
            }
        }

        if (latest is { State: IOutboxStore.Pending } || (!changed && latest is { } last && last.CreatedAt > now - window))
        {
            return null;
        }

        var key = latest is { } previous ? "after-" + previous.Id.ToString(CultureInfo.InvariantCulture) : "first";
        var id = await outbox.TryEnqueueAsync(
            transaction, new OutboxMessage(IHomeViewStore.Kind, teamId, userId, key, "{}", now + expiry), now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }
}
