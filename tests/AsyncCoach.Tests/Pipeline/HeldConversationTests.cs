using System.Globalization;
using AsyncCoach.Core.Model;
using AsyncCoach.Inbox;
using AsyncCoach.Pipeline;
using AsyncCoach.Slack.Events;
using AsyncCoach.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AsyncCoach.Tests.Pipeline;

/// <summary>
/// A greeting's follow-up whose processing failed waits for another attempt while the rest of the
/// round, and later rounds, go ahead; a later message of another conversation must not release the
/// greeting as naked meanwhile (its event time passes the greeting's grace window, the follow-up's
/// does not). The real pipeline on a real SQLite file or PostgreSQL database, on a fake clock; the
/// follow-up's failure is scripted around the real pipeline.
/// </summary>
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
public sealed class HeldConversationTests(string provider)
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    // A deadline for what the processor does, generous for a loaded machine; never a timing.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private const string FollowUp = "could you send me the Q3 numbers by Friday?";
    private const string Greetings = "SELECT channel_id FROM findings WHERE rule_id = 'missing-context' ORDER BY channel_id";

    private TempPostgresDatabase? _postgres;
    private AsyncCoachFactory _factory = null!;
    private HttpClient _client = null!;
    private Script _script = null!;

    [SetUp]
    public async Task StartAsync()
    {
        // NUnit keeps one fixture instance for all its tests: each test scripts its own events.
        _script = new Script();
        _factory = new AsyncCoachFactory(startTime: T0).WithServices(s => s.AddScoped<IMessagePipeline>(sp =>
            new ScriptedPipeline(ActivatorUtilities.CreateInstance<RulesMessagePipeline>(sp), _script)));
        if (provider == "Postgres")
        {
            _postgres = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("held");
            _factory.With("Storage:Provider", "Postgres").With("Storage:ConnectionString", _postgres.ConnectionString);
        }

        _client = _factory.CreateRealClient();
    }

    [TearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _factory.DeleteDatabase();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    [Test]
    public async Task A_follow_up_that_failed_still_cancels_its_greeting_though_a_later_message_went_ahead()
    {
        // The follow-up fails until the later message has been processed: it waits for another attempt meanwhile.
        _script.FailUntilHandled("EvF", "EvM");
        await AfterGateAsync(
            ("EvG", "D1", "U1", "hi", 0),
            ("EvF", "D1", "U1", FollowUp, 30),
            ("EvH", "D3", "U3", "hello", 0),
            ("EvM", "D2", "U2", FollowUp, 61));
        await UntilAsync("EvF", "done");

        Assert.That(_script.Handled, Is.EqualTo(new[] { "EvGate", "EvG", "EvH", "EvM", "EvF" }), "the later message went ahead of the follow-up");
        Assert.That(await StringsAsync(Greetings), Is.EqualTo(new[] { "D3" }),
            "the greeting was cancelled by its follow-up, not judged naked; the later message released the one with nothing waiting");
        Assert.That(await CountAsync("SELECT COUNT(*) FROM pending_findings"), Is.Zero);
    }

    [Test]
    public async Task A_follow_up_given_up_does_not_hold_its_greeting_for_ever()
    {
        _script.FailUntilHandled("EvF", "never");
        await AfterGateAsync(
            ("EvG", "D1", "U1", "hi", 0),
            ("EvF", "D1", "U1", FollowUp, 30),
            ("EvM", "D2", "U2", FollowUp, 61));
        await UntilAsync("EvF", "failed");
        Assert.That(await StringsAsync(Greetings), Is.Empty, "held while the follow-up waited for another attempt");

        // Given up: nothing holds the conversation, and the next message's time releases the greeting.
        await SendAsync("EvN", "D4", "U4", FollowUp, 62);
        await UntilAsync("EvN", "done");

        Assert.That(await StringsAsync(Greetings), Is.EqualTo(new[] { "D1" }));
        Assert.That(await CountAsync("SELECT COUNT(*) FROM pending_findings"), Is.Zero);
    }

    /// <summary>
    /// Sends the events while a gate event's round is held, so that the next round takes them
    /// together, in order (a failed round backs off until the clock moves: see <see cref="UntilAsync"/>).
    /// </summary>
    private async Task AfterGateAsync(params (string EventId, string Channel, string User, string Text, int Seconds)[] events)
    {
        await SendAsync("EvGate", "C9", "U9", "thanks", -5);
        await _script.GateEntered.WaitAsync(Deadline);
        foreach (var (eventId, channel, user, text, seconds) in events)
        {
            await SendAsync(eventId, channel, user, text, seconds);
        }

        _script.OpenGate();
    }

    /// <summary>
    /// Polls (a deadline, not a timing) until the event's inbox row is in <paramref name="state"/>.
    /// Each turn moves the fake clock a second, so a round that failed is retried after its back-off;
    /// at most 40 s in all, so the idle clock (now - 3 s) never reaches the greetings' windows (60 s).
    /// </summary>
    private async Task UntilAsync(string eventId, string state)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (await StateAsync(eventId) != state)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"{eventId} not {state} in time");
            if (_factory.Time.GetUtcNow() < T0.AddSeconds(40))
            {
                _factory.Time.Advance(TimeSpan.FromSeconds(1));
            }

            await Task.Delay(50);
        }
    }

    private async Task<string?> StateAsync(string eventId) =>
        (await StringsAsync($"SELECT state FROM inbox WHERE event_id = '{eventId}'")).SingleOrDefault();

    private async Task SendAsync(string eventId, string channel, string user, string text, int seconds)
    {
        var ts = MessageTs.FromInstant(T0.AddSeconds(seconds)).Value;
        using var response = await _client.SendAsync(_factory.SignedRequest("/slack/events",
            Payloads.MessageEvent(eventId, text: text, channel: channel, channelType: channel.StartsWith('D') ? "im" : "channel", user: user, ts: ts)));
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
    }

    private async Task<long> CountAsync(string sql)
    {
        if (_postgres is null)
        {
            return await TestDatabase.ScalarAsync<long>(_factory.DatabasePath, sql);
        }

        await using var connection = new NpgsqlConnection(_postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async Task<List<string>> StringsAsync(string sql)
    {
        if (_postgres is null)
        {
            await using var sqlite = new SqliteConnection($"Data Source={_factory.DatabasePath};Pooling=False");
            return [.. await sqlite.QueryAsync<string>(sql)];
        }

        await using var connection = new NpgsqlConnection(_postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>Which event fails until which other one is handled, the gate that holds a round, and the events handled, in order.</summary>
    private sealed class Script
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<string> _handled = [];
        private readonly Lock _gate = new();
        private (string EventId, string Until)? _failing;

        public Task GateEntered => _entered.Task;

        public IReadOnlyList<string> Handled
        {
            get
            {
                lock (_gate)
                {
                    return [.. _handled];
                }
            }
        }

        public void FailUntilHandled(string eventId, string until) => _failing = (eventId, until);

        public void OpenGate() => _open.TrySetResult();

        public async Task BeforeAsync(string eventId, CancellationToken cancellationToken)
        {
            if (eventId == "EvGate")
            {
                _entered.TrySetResult();
                await _open.Task.WaitAsync(cancellationToken);
                return;
            }

            lock (_gate)
            {
                if (_failing is { } failing && failing.EventId == eventId && !_handled.Contains(failing.Until))
                {
                    throw new HttpRequestException("users.info timed out (scripted)");
                }
            }
        }

        public void Handle(string eventId)
        {
            lock (_gate)
            {
                _handled.Add(eventId);
            }
        }
    }

    private sealed class ScriptedPipeline(IMessagePipeline inner, Script script) : IMessagePipeline
    {
        public async Task HandleAsync(InboxEvent inboxEvent, SlackEvent message, CancellationToken cancellationToken)
        {
            await script.BeforeAsync(inboxEvent.EventId, cancellationToken);
            await inner.HandleAsync(inboxEvent, message, cancellationToken);
            script.Handle(inboxEvent.EventId);
        }
    }
}
