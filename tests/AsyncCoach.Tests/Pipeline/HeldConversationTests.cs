using System.Globalization;
using AsyncCoach.Core.Model;
using AsyncCoach.Inbox;
using AsyncCoach.Pipeline;
using AsyncCoach.Slack.Events;
using AsyncCoach.Storage;
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
    private readonly Script _script = new();

    [SetUp]
    public async Task StartAsync()
    {
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
    public async Task A_follow_up_that_failed_once_still_cancels_its_greeting_though_a_later_message_went_ahead()
    {
        _script.FailTimes("EvF", 1);
        await RoundOfAsync(
            ("EvG", "D1", "U1", "hi", 0),
            ("EvF", "D1", "U1", FollowUp, 30),
            ("EvH", "D3", "U3", "hello", 0),
            ("EvM", "D2", "U2", FollowUp, 61));

        Assert.That(await StringsAsync(Greetings), Is.EqualTo(new[] { "D3" }),
            "the later message released the naked greeting of a conversation with nothing waiting, and only that one");

        // The failed round backs off for the poll interval (on the fake clock), then retries the follow-up.
        var retried = _factory.Processed.WaitForAsync(6, Deadline);
        _factory.Time.Advance(TimeSpan.FromSeconds(5));
        var outcomes = await retried;

        Assert.That(outcomes[^1].Error, Is.Null, "the follow-up's second attempt succeeded");
        Assert.That(await StringsAsync(Greetings), Is.EqualTo(new[] { "D3" }), "the greeting was cancelled by its follow-up, not judged naked");
        Assert.That(await CountAsync("SELECT COUNT(*) FROM pending_findings"), Is.Zero);
    }

    [Test]
    public async Task A_follow_up_given_up_does_not_hold_its_greeting_for_ever()
    {
        _script.FailTimes("EvF", IInboxStore.MaxAttempts);
        await RoundOfAsync(
            ("EvG", "D1", "U1", "hi", 0),
            ("EvF", "D1", "U1", FollowUp, 30),
            ("EvM", "D2", "U2", FollowUp, 61));
        Assert.That(await StringsAsync(Greetings), Is.Empty, "held while the follow-up waits for another attempt");

        for (var attempt = 2; attempt <= IInboxStore.MaxAttempts; attempt++)
        {
            var retried = _factory.Processed.WaitForAsync(3 + attempt, Deadline);
            _factory.Time.Advance(TimeSpan.FromSeconds(5));
            await retried;
        }

        // Given up (failed): nothing holds the conversation, and the next message's time releases the greeting.
        // (The last failed round backs off for the poll interval first.)
        await SendAsync("EvN", "D4", "U4", FollowUp, 62);
        var next = _factory.Processed.WaitForAsync(4 + IInboxStore.MaxAttempts, Deadline);
        _factory.Time.Advance(TimeSpan.FromSeconds(5));
        await next;

        Assert.That(await StringsAsync(Greetings), Is.EqualTo(new[] { "D1" }));
        Assert.That(await CountAsync("SELECT COUNT(*) FROM pending_findings"), Is.Zero);
    }

    /// <summary>
    /// The events, in one round: a gate event's processing is held while they are acknowledged, so the
    /// round after it takes them all, in order. Returns once the gate and the events are processed.
    /// </summary>
    private async Task RoundOfAsync(params (string EventId, string Channel, string User, string Text, int Seconds)[] events)
    {
        await SendAsync("EvGate", "C9", "U9", "thanks", -5);
        await _script.GateEntered.WaitAsync(Deadline);
        foreach (var (eventId, channel, user, text, seconds) in events)
        {
            await SendAsync(eventId, channel, user, text, seconds);
        }

        _script.OpenGate();
        var outcomes = await _factory.Processed.WaitForAsync(1 + events.Length, Deadline);
        Assert.That(outcomes.Count(o => o.Error is not null), Is.EqualTo(1), "the follow-up's first attempt failed");
    }

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

    /// <summary>Which events fail, and the gate that holds the first round.</summary>
    private sealed class Script
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);
        private readonly Lock _gate = new();

        public Task GateEntered => _entered.Task;

        public void FailTimes(string eventId, int times)
        {
            lock (_gate)
            {
                _failures[eventId] = times;
            }
        }

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
                if (_failures.TryGetValue(eventId, out var left) && left > 0)
                {
                    _failures[eventId] = left - 1;
                    throw new HttpRequestException("users.info timed out (scripted)");
                }
            }
        }
    }

    private sealed class ScriptedPipeline(IMessagePipeline inner, Script script) : IMessagePipeline
    {
        public async Task HandleAsync(InboxEvent inboxEvent, SlackEvent message, CancellationToken cancellationToken)
        {
            await script.BeforeAsync(inboxEvent.EventId, cancellationToken);
            await inner.HandleAsync(inboxEvent, message, cancellationToken);
        }
    }
}
