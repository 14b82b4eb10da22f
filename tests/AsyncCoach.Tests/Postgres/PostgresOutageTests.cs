using System.Net;
using System.Net.Sockets;
using AsyncCoach.Core.Model;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Npgsql;

namespace AsyncCoach.Tests.Postgres;

/// <summary>
/// PostgreSQL unreachable at start or lost while the service runs, over real HTTP (issue #19, "Bad
/// configuration"): the test's own throwaway server is stopped at once (<c>pg_ctl stop -m
/// immediate</c>, every connection breaks), the service answers <c>/readyz</c> and Slack's events
/// with 503 (Slack retries), acknowledges nothing it could not make durable, and once the server is
/// back it acknowledges and processes again, with every acknowledged event processed once.
/// </summary>
public sealed class PostgresOutageTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Test]
    public async Task While_PostgreSQL_is_down_readyz_and_events_answer_503_and_once_it_is_back_every_acknowledged_event_is_processed_once()
    {
        using var own = await PostgresServer.StartOwnAsync();
        var temp = await own.Server.CreateDatabaseAsync("outage");
        await using var factory = new AsyncCoachFactory()
            .With("Storage:Provider", "Postgres")
            .With("Storage:ConnectionString", temp.ConnectionString);
        using var client = factory.CreateRealClient();

        await PostAsync(factory, client, Event(factory, "EvBefore"), HttpStatusCode.OK);
        await factory.Processed.WaitForAsync(1);

        own.Server.StopImmediately();

        Assert.That(await ReadyAsync(client), Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        var lost = Event(factory, "EvDuringOutage");
        await PostAsync(factory, client, lost, HttpStatusCode.ServiceUnavailable);

        own.Server.Start();

        // Back: /readyz says so, and Slack's retry of the event answered 503 is taken (a pooled
        // connection broken by the outage may fail one more batch, answered 503 and retried again).
        await UntilAsync(async () => await ReadyAsync(client) == HttpStatusCode.OK, factory, "/readyz 200 again");
        await UntilAsync(async () => await StatusAsync(factory, client, lost) == HttpStatusCode.OK, factory, "the retry acknowledged");
        await PostAsync(factory, client, Event(factory, "EvAfter"), HttpStatusCode.OK);
        await UntilAsync(() => Task.FromResult(factory.Processed.Outcomes.Count(o => o.Error is null) >= 3), factory, "three events processed");

        await using var connection = new NpgsqlConnection(temp.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT string_agg(event_id || ':' || state, ',' ORDER BY id) FROM inbox", connection);
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("EvBefore:done,EvDuringOutage:done,EvAfter:done"),
            "each acknowledged event is one row, processed; the 503 left nothing behind");
        var done = factory.Processed.Outcomes.Where(o => o.Error is null).Select(o => o.Id).ToList();
        Assert.That(done, Has.Count.EqualTo(3).And.Unique, $"nothing processed twice: {string.Join(", ", factory.Processed.Outcomes)}");
    }

    [Test]
    public async Task Unreachable_at_start_the_service_logs_it_answers_503_and_starts_once_PostgreSQL_answers()
    {
        using var own = await PostgresServer.StartOwnAsync();
        var temp = await own.Server.CreateDatabaseAsync("startdown");
        own.Server.StopImmediately();
        var logs = new FakeLogCollector();
        var port = FreePort();
        await using var factory = new AsyncCoachFactory()
            .With("Storage:Provider", "Postgres")
            .With("Storage:ConnectionString", temp.ConnectionString)
            .With("urls", $"http://127.0.0.1:{port}")
            .WithServices(s => s.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(logs)));
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        // Host start waits for the migration, which waits for the database: Kestrel answers meanwhile.
        var start = Task.Run(factory.StartServer);
        await UntilAsync(() => Task.FromResult(logs.GetSnapshot().Any(l => l.Id.Id == 3940)), factory, "the unreachable line logged");
        await UntilAsync(async () => await ListeningAsync(client), factory, "Kestrel listening");
        Assert.That(logs.GetSnapshot().First(l => l.Id.Id == 3940).Message,
            Does.Contain($"PostgreSQL 127.0.0.1:{own.Server.Port}/{temp.Name} is unreachable at start").And.Contain("answer 503"));
        using (var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative)))
        {
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(await ready.Content.ReadAsStringAsync(), Does.Contain("database unreachable"));
        }

        var early = Event(factory, "EvEarly");
        using (var response = await client.SendAsync(factory.SignedRequest("/slack/events", early)))
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "answered at once, not held past Slack's timeout");
        }

        Assert.That(start.IsCompleted, Is.False, "start waits for the database");
        own.Server.Start();

        await UntilAsync(async () => await ReadyAsync(client) == HttpStatusCode.OK, factory, "/readyz 200 once it answers");
        await start;
        await UntilAsync(async () => await StatusAsync(factory, client, early) == HttpStatusCode.OK, factory, "Slack's retry acknowledged");
        await factory.Processed.WaitForAsync(1);
        Assert.That(logs.GetSnapshot().Select(l => l.Id.Id), Has.Member(3941), "the recovery logged");
        await using var connection = new NpgsqlConnection(temp.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT string_agg(event_id || ':' || state, ',' ORDER BY id) FROM inbox", connection);
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("EvEarly:done"));
    }

    [Test]
    public async Task A_database_that_does_not_exist_is_not_waited_for_start_fails_naming_it()
    {
        var server = await PostgresServer.GetAsync();
        await using var temp = await server.CreateDatabaseAsync("exists");
        var missing = new NpgsqlConnectionStringBuilder(temp.ConnectionString) { Database = "no_such_database" }.ConnectionString;
        await using var factory = new AsyncCoachFactory()
            .With("Storage:Provider", "Postgres")
            .With("Storage:ConnectionString", missing);

        // Waiting cannot create it: the migration's error fails start at once, as before.
        Assert.That(() => factory.CreateRealClient(), Throws.InstanceOf<PostgresException>().With.Property(nameof(PostgresException.SqlState)).EqualTo("3D000"));
    }

    private static async Task<bool> ListeningAsync(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
            return true;
        }
        catch (HttpRequestException)
        {
            return false; // Not listening yet.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Event(AsyncCoachFactory factory, string eventId) =>
        Payloads.MessageEvent(eventId, text: "deploy notes are in the thread", channel: $"C{eventId.ToUpperInvariant()}",
            ts: MessageTs.FromInstant(factory.Time.GetUtcNow()).Value);

    private static async Task PostAsync(AsyncCoachFactory factory, HttpClient client, string body, HttpStatusCode expected) =>
        Assert.That(await StatusAsync(factory, client, body), Is.EqualTo(expected));

    private static async Task<HttpStatusCode> StatusAsync(AsyncCoachFactory factory, HttpClient client, string body)
    {
        using var response = await client.SendAsync(factory.SignedRequest("/slack/events", body));
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        return response.StatusCode;
    }

    /// <summary>
    /// Asks again until the condition holds, moving the fake clock on between tries (the service's
    /// retries after the outage wait on it); fails after <see cref="Patience"/> of real time.
    /// </summary>
    private static async Task UntilAsync(Func<Task<bool>> condition, AsyncCoachFactory factory, string what)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (!await condition())
        {
            Assert.That(deadline.IsCancellationRequested, Is.False, $"not reached within {Patience.TotalSeconds:0} s: {what}");
            factory.Time.Advance(TimeSpan.FromSeconds(1));
            // A poll on real time, not a wait for an outcome: each turn asks again.
            await Task.Delay(50, CancellationToken.None);
        }
    }
}
