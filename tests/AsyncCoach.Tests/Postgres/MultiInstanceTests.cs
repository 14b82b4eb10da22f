using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using AsyncCoach.Tests.Fakes;
using AsyncCoach.Tests.Infrastructure;
using Npgsql;

namespace AsyncCoach.Tests.Postgres;

/// <summary>
/// Issue #19's multi-instance test: three AsyncCoach instances (the built <c>AsyncCoach.dll</c>, each
/// a process of its own on loopback, <c>Storage:Provider=Postgres</c>) on one PostgreSQL, the fake
/// Slack Web API; signed events spread over them, each Slack retry sent to another instance than the
/// original; one instance killed with SIGKILL mid-way (<see cref="Process.Kill()"/>) and another
/// started. Every acknowledged event is processed once, no nudge is sent twice, and a greeting and
/// its follow-up sent to different instances still cancel each other (per-conversation order).
/// </summary>
[NonParallelizable]
public sealed class MultiInstanceTests
{
    private const string Secret = "multi-instance-secret";
    private const string Call = "hey <@U0002> can we hop on a quick call about the deploy?";
    private const string Greeting = "hi";
    private const string FollowUp = "could you send me the Q3 numbers by Friday?";
    private const int Slots = 2_000;
    private const int MaxAhead = 150;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(4);

    private TempPostgresDatabase _database = null!;

    [SetUp]
    public async Task NewDatabase() => _database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("multi");

    [TearDown]
    public async Task DropDatabase() => await _database.DisposeAsync();

    // Every tenth slot is a conversation of a greeting and its follow-up (a DM of its own); the
    // others a call request from an author of its own, in one of 64 channels: each is nudged once.
    private static bool IsGreeting(int slot) => slot % 10 == 0;

    private static string Author(int slot) => string.Create(CultureInfo.InvariantCulture, $"UM{slot:D5}");

    [Test]
    public async Task Three_instances_one_killed_and_one_started_process_every_event_once_nudge_once_and_keep_each_conversations_order()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        var live = new List<Service>();
        var all = new List<Service>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var service = await StartAsync(slack);
                (live, all) = ([.. live, service], [.. all, service]);
            }

            var acknowledged = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
            var retries = 0;
            var callsSent = 0;
            var next = -1;
            var start = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var load = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                for (var slot = Interlocked.Increment(ref next); slot < Slots; slot = Interlocked.Increment(ref next))
                {
                    // Never far ahead of the nudges, so the kill comes mid-load however slowly this machine processes.
                    for (var sent = slack.CallsTo("chat.postEphemeral").Count; Volatile.Read(ref callsSent) - sent > MaxAhead; sent = slack.CallsTo("chat.postEphemeral").Count)
                    {
                        await slack.WaitForCallAsync("chat.postEphemeral", count: sent + 1, timeout: Deadline);
                    }

                    // A greeting is stamped when it is sent, as Slack stamps a message when it is posted and
                    // delivers it moments later: the live clock relies on that (TrackerClock.DeliveryMargin).
                    // Stamped at the test's start instead, a greeting delivered minutes later is due at once,
                    // and an idle round between its processing and its follow-up's acknowledgement judged it
                    // naked (twice under heavy load; docs/decisions.md, "Held conversations").
                    var second = IsGreeting(slot) ? DateTimeOffset.UtcNow.ToUnixTimeSeconds() : start;
                    var ts = string.Create(CultureInfo.InvariantCulture, $"{second}.{slot:D6}");
                    var channel = IsGreeting(slot) ? $"DM{slot:D5}" : $"CM{slot % 64:D2}";
                    var first = IsGreeting(slot)
                        ? Payloads.MessageEvent(EventId(slot, 'g'), text: Greeting, channel: channel, channelType: "im", user: Author(slot), ts: ts)
                        : Payloads.MessageEvent(EventId(slot, 'c'), text: Call, channel: channel, user: Author(slot), ts: ts);
                    var at = await DeliverAsync(() => live, slot, EventId(slot, IsGreeting(slot) ? 'g' : 'c'), first, acknowledged);
                    if (!IsGreeting(slot))
                    {
                        Interlocked.Increment(ref callsSent);
                    }

                    if (slot % 3 == 0)
                    {
                        // Slack did not see the 200 in time: its retry goes to another instance.
                        await DeliverAsync(() => live, at + 1, EventId(slot, IsGreeting(slot) ? 'g' : 'c'), first, acknowledged, retry: true);
                        Interlocked.Increment(ref retries);
                    }

                    if (IsGreeting(slot))
                    {
                        // Acknowledged, so ordered after the greeting; sent to another instance.
                        var followTs = string.Create(CultureInfo.InvariantCulture, $"{second + 1}.{slot:D6}");
                        await DeliverAsync(() => live, at + 1, EventId(slot, 'f'),
                            Payloads.MessageEvent(EventId(slot, 'f'), text: FollowUp, channel: channel, channelType: "im", user: Author(slot), ts: followTs),
                            acknowledged);
                    }
                }
            })).ToArray();

            // Mid-way, with nudges going out: one instance is killed (SIGKILL, no shutdown), another starts.
            await slack.WaitForCallAsync("chat.postEphemeral", count: Slots / 5, timeout: Deadline);
            var killed = live[1];
            live = [live[0], live[2]];
            killed.Process.Kill();
            await killed.Process.WaitForExitAsync();
            var ackedAtKill = acknowledged.Count;
            var started = await StartAsync(slack);
            (live, all) = ([.. live, started], [.. all, started]);
            await Task.WhenAll(load).WaitAsync(Deadline);

            var calls = Enumerable.Range(0, Slots).Where(s => !IsGreeting(s)).ToArray();
            const string CallNudges = "SELECT count(*) FROM nudges WHERE kind = 'nudge' AND author_id LIKE 'UM%' AND channel_id LIKE 'CM%'";
            await UntilAsync(async () =>
                await ScalarAsync("SELECT count(*) FROM inbox WHERE state = 'done'") == acknowledged.Count
                && await ScalarAsync("SELECT count(*) FROM nudges WHERE state = 'pending'") == 0
                && await ScalarAsync(CallNudges) == calls.Length
                // A live instance's sends in flight end; only the killed instance's claims stay 'sending'.
                && await ScalarAsync("SELECT count(DISTINCT lease_owner) FROM nudges WHERE state = 'sending'") <= 1,
                "every event processed, every nudge handed out and every live instance's sends ended", live);

            var nudged = slack.CallsTo("chat.postEphemeral").GroupBy(c => c.Arg("user") ?? "").ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var claimedByTheKilled = await StringsAsync("SELECT author_id FROM nudges WHERE state = 'sending'");
            var sendingOwners = await StringsAsync("SELECT DISTINCT lease_owner FROM nudges WHERE state = 'sending'");
            var inboxRows = await ScalarAsync("SELECT count(*) FROM inbox");
            var findingsTwice = await ScalarAsync(
                "SELECT count(*) FROM (SELECT 1 FROM findings GROUP BY team_id, channel_id, message_ts, rule_id HAVING count(*) > 1) twice");
            var callFindings = await ScalarAsync("SELECT count(*) FROM findings WHERE rule_id <> 'missing-context' AND author_id LIKE 'UM%' AND channel_id LIKE 'CM%'");
            var greetingFindings = await ScalarAsync("SELECT count(*) FROM findings WHERE rule_id = 'missing-context'");
            var stillWaiting = await ScalarAsync("SELECT count(*) FROM pending_findings");
            var judgedAlone = await StringsAsync("SELECT channel_id || ' ' || message_ts || ' ' || author_id FROM findings WHERE rule_id = 'missing-context'");
            if (judgedAlone.Count > 0)
            {
                TestContext.Out.WriteLine("missing-context findings (conversation, ts, author): " + string.Join("; ", judgedAlone));
            }

            var nudgeStates = await StringsAsync(
                "SELECT state || ' ' || coalesce(end_reason, '-') || ': ' || count(*) FROM nudges WHERE author_id LIKE 'UM%' GROUP BY state, end_reason");
            TestContext.Out.WriteLine("call nudges by state and end reason: " + string.Join("; ", nudgeStates.Order(StringComparer.Ordinal)));
            TestContext.Out.WriteLine(
                $"{acknowledged.Count} events acknowledged ({ackedAtKill} before the kill), {retries} retries to another instance, " +
                $"{nudged.Values.Sum()} nudges sent, {claimedByTheKilled.Count} claimed by the killed instance and not sent");
            Assert.Multiple(() =>
            {
                Assert.That(acknowledged.Count, Is.EqualTo(Slots + (Slots / 10)), "every event was acknowledged by some instance");
                Assert.That(ackedAtKill, Is.LessThan(acknowledged.Count), "the kill came mid-load");
                Assert.That(inboxRows, Is.EqualTo(acknowledged.Count), "one inbox row per event, retries included");
                Assert.That(nudged.Where(n => n.Value > 1).Select(n => n.Key), Is.Empty, "nudges sent twice");
                Assert.That(findingsTwice, Is.Zero, "findings recorded twice");
                Assert.That(callFindings, Is.GreaterThanOrEqualTo(calls.Length), "a finding for every call request");
                foreach (var slot in calls)
                {
                    // At most once: a nudge the killed instance had claimed but not sent stays with it (docs/decisions.md).
                    var author = Author(slot);
                    Assert.That(nudged.GetValueOrDefault(author) + (claimedByTheKilled.Contains(author) ? 1 : 0), Is.InRange(1, 2), $"nudges to {author}");
                    Assert.That(nudged.GetValueOrDefault(author), Is.LessThanOrEqualTo(1), $"nudges to {author}");
                }

                Assert.That(sendingOwners, Has.Count.LessThanOrEqualTo(1), "only the killed instance left claimed nudges behind");
                Assert.That(greetingFindings, Is.Zero, "a greeting judged without its follow-up");
                Assert.That(stillWaiting, Is.Zero, "a greeting processed after its follow-up would still be waiting");
            });
        }
        finally
        {
            foreach (var service in all.Where(s => !s.Process.HasExited))
            {
                service.Process.Kill();
                await service.Process.WaitForExitAsync();
            }
        }
    }

    private static string EventId(int slot, char kind) => string.Create(CultureInfo.InvariantCulture, $"EvMulti{kind}{slot:D5}");

    /// <summary>Sends until some instance answers 200, from the <paramref name="at"/>-th live one on (as Slack retries); returns which took it.</summary>
    private static async Task<int> DeliverAsync(
        Func<List<Service>> live, int at, string eventId, string body, ConcurrentDictionary<string, bool> acknowledged, bool retry = false)
    {
        var deadline = DateTime.UtcNow + Deadline;
        for (var attempt = 0; DateTime.UtcNow < deadline; attempt++)
        {
            var services = live();
            var service = services[(at + attempt) % services.Count];
            try
            {
                using var request = SignedRequests.Create("/slack/events", body, "application/json", Secret, DateTimeOffset.UtcNow);
                if (retry || attempt > 0)
                {
                    request.Headers.Add("X-Slack-Retry-Num", attempt + 1 > 3 ? "3" : (attempt + 1).ToString(CultureInfo.InvariantCulture));
                    request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
                }

                using var response = await service.Http.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    acknowledged[eventId] = true;
                    return at + attempt;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // The instance is gone (killed): Slack sends the event again, to another one.
            }
        }

        throw new TimeoutException($"{eventId} was not acknowledged by any instance within {Deadline}");
    }

    private sealed record Service(Process Process, HttpClient Http, ConcurrentQueue<string> Lines)
    {
        public string Output => string.Join('\n', Lines.TakeLast(60));
    }

    private async Task<Service> StartAsync(FakeSlackApi slack)
    {
        var port = FreePort();
        var start = ServiceProcess.StartInfo(port, Secret, "xoxb-multi-instance-test", slack.ApiBaseUrl);
        start.Environment["Storage__Provider"] = "Postgres";
        start.Environment["Storage__ConnectionString"] = _database.ConnectionString;
        // Short leases, so a killed instance's conversations are taken over in seconds.
        start.Environment["Storage__PartitionLeaseDuration"] = "00:00:03";
        // Rows acknowledged by another instance do not wake this one: it polls.
        start.Environment["Inbox__PollInterval"] = "00:00:00.200";
        start.Environment["Workspace__Tier4PerMinute"] = "1000000";
        var lines = new ConcurrentQueue<string>();
        var process = ServiceProcess.Start(start, lines);
        var service = new Service(process, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(20) }, lines);
        await UntilAsync(async () => await ServiceProcess.IsReadyAsync(service.Http), "ready", [service]);
        return service;
    }

    // A deadline, not a timing: polls the condition until it holds, or fails with what the services printed.
    private static async Task UntilAsync(Func<Task<bool>> condition, string what, IReadOnlyList<Service> services)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline || services.Any(s => s.Process.HasExited))
            {
                Assert.Fail($"waiting for {what}: deadline passed or an instance exited\n" + string.Join("\n----\n", services.Select(s => s.Output)));
            }

            await Task.Delay(100);
        }
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async Task<HashSet<string>> StringsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            values.Add(reader.IsDBNull(0) ? "" : reader.GetString(0));
        }

        return values;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
