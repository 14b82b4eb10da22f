using AsyncCoach.Storage;
using AsyncCoach.Storage.Postgres;
using AsyncCoach.Storage.Sqlite;
using Dapper;
using Npgsql;

namespace AsyncCoach.Tests.Providers;

/// <summary>
/// The digest's nudge counters (SQLite 0023, PostgreSQL 0012) are kept by triggers on both
/// providers: a nudge becoming sent counts once per rule with the feedback given before, an answer
/// after counts on the sent nudge's hour, and a nudge that is not sent or not a nudge counts nothing.
/// </summary>
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
public sealed class NudgeCountTriggerSuite(string provider) : ProviderSuite(provider)
{
    private static readonly DateTimeOffset SentAt = new(2026, 12, 7, 9, 40, 0, TimeSpan.Zero);

    [Test]
    public async Task Sending_and_answering_a_nudge_count_once_per_rule_on_the_hour_it_was_sent()
    {
        await ExecuteAsync("""
            INSERT INTO nudges (kind, team_id, channel_id, message_ts, author_id, delivery, state, next_attempt_at, expires_at, day_start, created_at)
            VALUES ('nudge', 'T1', 'C1', '1.1', 'U1', 'Ephemeral', 'pending', @At, @At, @At, @At),
                   ('nudge', 'T1', 'C1', '1.2', 'U2', 'Ephemeral', 'pending', @At, @At, @At, @At),
                   ('digest', 'T1', 'U3', 'digest:w', 'U3', 'digest', 'pending', @At, @At, @At, @At)
            """);
        await ExecuteAsync("""
            INSERT INTO nudge_rules (nudge_id, rule_id)
            SELECT id, r.rule_id FROM nudges, (SELECT 'missing-context' AS rule_id UNION ALL SELECT 'vague-urgency') r WHERE message_ts = '1.1'
            UNION ALL SELECT id, 'vague-urgency' FROM nudges WHERE message_ts IN ('1.2', 'digest:w')
            """);
        // A quick "Thanks" before the send's state is written, then the send, then "Not helpful" and a snooze.
        await ExecuteAsync("INSERT INTO nudge_feedback (nudge_id, kind, user_id, at) SELECT id, 'thanks', 'U1', @At FROM nudges WHERE message_ts = '1.1'");
        await ExecuteAsync("UPDATE nudges SET state = 'sent', sent_at = @At WHERE message_ts IN ('1.1', 'digest:w')");
        await ExecuteAsync("UPDATE nudges SET state = 'expired' WHERE message_ts = '1.2'");
        await ExecuteAsync("INSERT INTO nudge_feedback (nudge_id, kind, user_id, at) SELECT id, 'not_helpful', 'U1', @At FROM nudges WHERE message_ts = '1.1'");
        await ExecuteAsync("INSERT INTO nudge_feedback (nudge_id, kind, user_id, at) SELECT id, 'snooze_today', 'U1', @At FROM nudges WHERE message_ts = '1.1'");
        await ExecuteAsync("INSERT INTO nudge_feedback (nudge_id, kind, user_id, at) SELECT id, 'thanks', 'U2', @At FROM nudges WHERE message_ts = '1.2'");

        var hour = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
        Assert.That(await CountersAsync(), Is.EqualTo(new[]
        {
            ("", hour, "missing-context", 1L, 1L, 1L),
            ("", hour, "vague-urgency", 1L, 1L, 1L),
            ("C1", hour, "missing-context", 1L, 1L, 1L),
            ("C1", hour, "vague-urgency", 1L, 1L, 1L),
        }));
    }

    private bool OnPostgres => Provider.Get<IOutboxStore>() is PostgresOutboxStore;

    private async Task ExecuteAsync(string sql)
    {
        if (OnPostgres)
        {
            await using var connection = await Provider.Get<PostgresDatabase>().OpenAsync(CancellationToken.None);
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("At", SentAt));
            await command.ExecuteNonQueryAsync();
            return;
        }

        await using var sqlite = await Provider.Get<SqliteDatabase>().OpenAsync(CancellationToken.None);
        await sqlite.ExecuteAsync(sql, new { At = StoredInstant.Format(SentAt) });
    }

    private async Task<List<(string, DateTimeOffset, string, long, long, long)>> CountersAsync()
    {
        const string Sql = "SELECT channel_id, hour, rule_id, delivered, thanks, not_helpful FROM nudge_counts ORDER BY channel_id, rule_id";
        var rows = new List<(string, DateTimeOffset, string, long, long, long)>();
        if (OnPostgres)
        {
            await using var connection = await Provider.Get<PostgresDatabase>().OpenAsync(CancellationToken.None);
            await using var command = new NpgsqlCommand(Sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5)));
            }

            return rows;
        }

        await using var sqlite = await Provider.Get<SqliteDatabase>().OpenAsync(CancellationToken.None);
        foreach (var (channel, hour, rule, delivered, thanks, notHelpful) in await sqlite.QueryAsync<(string, string, string, long, long, long)>(Sql))
        {
            rows.Add((channel, StoredInstant.Parse(hour), rule, delivered, thanks, notHelpful));
        }

        return rows;
    }
}
