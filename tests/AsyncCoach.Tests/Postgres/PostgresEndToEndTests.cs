using AsyncCoach.Core.Model;
using AsyncCoach.Tests.Infrastructure;
using AsyncCoach.Tests.Installations;
using Npgsql;

namespace AsyncCoach.Tests.Postgres;

/// <summary>
/// The whole service on <c>Storage:Provider=Postgres</c>, over real HTTP on loopback against the
/// fake Slack Web API: installed through OAuth, signed events acknowledged into PostgreSQL,
/// processed, findings recorded and each nudge sent once with the team's own token.
/// </summary>
public sealed class PostgresEndToEndTests
{
    [Test]
    public async Task Signed_events_on_PostgreSQL_are_processed_once_and_nudged_once_with_the_installed_token_across_a_restart()
    {
        var server = await PostgresServer.GetAsync();
        await using var temp = await server.CreateDatabaseAsync("e2e");
        await using var harness = await InstallHarness.StartAsync(f => f
            .With("Storage:Provider", "Postgres")
            .With("Storage:ConnectionString", temp.ConnectionString)
            // The restart below moves the fake clock on by days (AsyncCoachFactory.DisposeAsync), which
            // would let the inbox's retention delete the rows this test counts.
            .With("Inbox:KeepProcessedFor", "3650.00:00:00"));
        await harness.InstallAsync(InstallHarness.AnswerFor("T0PGTEAM", "xoxb-pg-token"));

        for (var i = 0; i < 5; i++)
        {
            var body = Payloads.MessageEvent($"EvPg{i}", text: "can you send me the Q3 numbers asap", channel: $"C0PG{i}", user: $"U0PG{i}",
                ts: MessageTs.FromInstant(harness.Factory.Time.GetUtcNow().AddSeconds(i)).Value, team: "T0PGTEAM");
            await PostAsync(harness, body);
            await PostAsync(harness, body); // Slack's retry of the same event: acknowledged, not processed again.
        }

        await harness.Factory.Processed.WaitForAsync(5);
        await harness.Slack.WaitForCallAsync("chat.postEphemeral", count: 5);

        var nudges = harness.Slack.CallsTo("chat.postEphemeral").ToList();
        Assert.That(nudges.Select(c => c.Header("Authorization")), Is.All.EqualTo("Bearer xoxb-pg-token"));
        Assert.That(nudges.Select(c => c.Arg("channel")), Is.EquivalentTo(Enumerable.Range(0, 5).Select(i => $"C0PG{i}")), "one nudge per message");

        // Fake Slack saw the calls; their ends are written just after. Stopping the host races the
        // fake clock forward, so a send whose end is not written yet would time out on that clock.
        await using var connection = new NpgsqlConnection(temp.ConnectionString);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await ScalarAsync(connection, "SELECT count(*) FROM nudges WHERE kind = 'nudge' AND state = 'sent'") < 5)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the five sent nudges' ends were not written");
            await Task.Delay(50);
        }

        // A graceful stop ends every round and send in flight; the restarted service, on the same
        // database, finds nothing left to process or send.
        await harness.RestartAsync();
        Assert.That(harness.Slack.CallsTo("chat.postEphemeral"), Has.Count.EqualTo(5));

        Assert.That(await ScalarAsync(connection, "SELECT count(*) FROM inbox"), Is.EqualTo(5), "a retry adds no inbox row");
        Assert.That(await ScalarAsync(connection, "SELECT count(*) FROM inbox WHERE state = 'done'"), Is.EqualTo(5));
        Assert.That(await ScalarAsync(connection, "SELECT count(*) FROM findings WHERE team_id = 'T0PGTEAM' AND rule_id = 'vague-urgency'"), Is.EqualTo(5));
        Assert.That(await ScalarAsync(connection, "SELECT count(*) FROM nudges WHERE kind = 'nudge' AND state = 'sent'"), Is.EqualTo(5));
        Assert.That(await ScalarAsync(connection, "SELECT coalesce(sum(findings), 0) FROM finding_counts WHERE channel_id = ''"), Is.EqualTo(5),
            "the digest's counters follow the findings");
        Assert.That(await ScalarAsync(connection, "SELECT count(*) FROM installations WHERE bot_token LIKE 'xoxb-%'"), Is.Zero,
            "the token is stored encrypted");
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task PostAsync(InstallHarness harness, string body)
    {
        using var response = await harness.Client.SendAsync(harness.Factory.SignedRequest("/slack/events", body));
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
    }
}
