using System.Globalization;
using Dapper;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>
/// Asks for a person's Home tab to be published, as an outbox row of kind <c>home</c> whose
/// payload is empty: the page is built when the row is sent, from the state at that moment, so
/// one publish serves every request made while it waited. See <see cref="RequestAsync"/>.
/// </summary>
public sealed class HomeViewStore(SqliteDatabase database, IOutboxStore outbox) : IHomeViewStore
{
    private const string Kind = IHomeViewStore.Kind;

    private const string LatestSql = """
        SELECT id AS Id, state AS State, created_at AS CreatedAt
        FROM nudges
        WHERE team_id = @TeamId AND channel_id = @UserId AND kind = 'home'
        ORDER BY id DESC
        LIMIT 1
        """;

    /// <summary>
    /// Adds a publish unless one is still pending (it will show the same state), or, for a
    /// request that changes nothing (<paramref name="changed"/> false: the tab was opened), one
    /// was asked for less than <paramref name="window"/> ago. Checked and added in one write
    /// transaction, so two requests cannot both add. Returns the new row's id, or null.
    /// </summary>
    public async Task<long?> RequestAsync(
        string teamId, string userId, bool changed, TimeSpan window, TimeSpan expiry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        var latest = await write.Connection.QuerySingleOrDefaultAsync<LatestRow>(
            LatestSql, new { TeamId = teamId, UserId = userId }, write.Transaction);
        if (latest is { State: IOutboxStore.Pending } || (!changed && latest is not null && latest.CreatedAt > now - window))
        {
            return null;
        }

        // Named after the publish it follows: one successor per publish, even if two instances
        // of the service decide at once.
        var key = latest is null ? "first" : "after-" + latest.Id.ToString(CultureInfo.InvariantCulture);
        var id = await outbox.TryEnqueueAsync(
            write, new OutboxMessage(Kind, teamId, userId, key, "{}", now + expiry), now, cancellationToken);
        await write.CommitAsync(cancellationToken);
        return id;
    }

    internal sealed record LatestRow(long Id, string State, DateTimeOffset CreatedAt);
}
