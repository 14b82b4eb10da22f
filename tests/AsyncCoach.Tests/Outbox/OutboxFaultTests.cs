using AsyncCoach.Core.Model;
using AsyncCoach.Installations;
using AsyncCoach.Nudges;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;
using AsyncCoach.Tests.Fakes;
using AsyncCoach.Tests.Infrastructure;
using AsyncCoach.Tests.Nudges;
using AsyncCoach.Workspace;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace AsyncCoach.Tests.Outbox;

/// <summary>
/// Issue #17: a transient fault of our own between a row's claim and its call to Slack (the
/// database under the installation check, the token look-up, a kind's reads, the write of the
/// outcome) neither loses the row nor sends it twice. A real SQLite file or PostgreSQL database,
/// the real sender, the fake Slack on 127.0.0.1, faults injected at the registry, the outbox
/// writes and the kind.
/// </summary>
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
public sealed class OutboxFaultTests(string provider)
{
    private const string Lead = "U0LEAD0001";
    private static readonly TimeSpan RetryBase = new NudgeOptions().RetryBaseDelay;
    private NudgeHarness _harness = null!;
    private TempPostgresDatabase? _database;

    [SetUp]
    public async Task SetUp()
    {
        if (provider == "Postgres")
        {
            _database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("outbox_faults");
        }

        _harness = await NudgeHarness.StartAsync();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _harness.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Test]
    public async Task A_claimed_row_whose_installation_check_fails_is_retried_and_sent_once_the_database_is_back()
    {
        var (factory, faults) = await StartAsync();
        // The round's check (before the claim) passes; the claimed row's check meets the fault.
        faults.Installations.IsActive.Arm(times: 1, skip: 1);

        var id = await EnqueueAsync(factory, "k1", "hello");
        var first = await _harness.Attempts.WaitForAsync(1);

        Assert.That(first.Single(), Is.EqualTo((id, "database_error")));
        Assert.That(await RowAsync(id), Is.EqualTo(("pending", 1L)));
        Assert.That(_harness.Slack.CallsTo("chat.postMessage"), Is.Empty);

        Retry(factory);
        var all = await _harness.Attempts.WaitForAsync(2);

        Assert.That(all[1], Is.EqualTo((id, "ok")));
        Assert.That(_harness.Slack.CallsTo("chat.postMessage"), Has.Count.EqualTo(1));
        Assert.That(await RowAsync(id), Is.EqualTo(("sent", 2L)));
        Assert.That(await OutcomesAsync(id), Is.EqualTo(new[] { "database_error", "ok" }));
    }

    [Test]
    public async Task A_failed_token_look_up_retries_the_row_instead_of_failing_it()
    {
        var (factory, faults) = await StartAsync();
        faults.Installations.Get.Arm(times: 1);

        var id = await EnqueueAsync(factory, "k1", "hello");
        var first = await _harness.Attempts.WaitForAsync(1);

        Assert.That(first.Single(), Is.EqualTo((id, "token_unavailable")));
        Assert.That(await RowAsync(id), Is.EqualTo(("pending", 1L)));
        Assert.That(_harness.Slack.CallsTo("chat.postMessage"), Is.Empty);

        Retry(factory);
        var all = await _harness.Attempts.WaitForAsync(2);

        Assert.That(all[1], Is.EqualTo((id, "ok")));
        Assert.That(_harness.Slack.CallsTo("chat.postMessage"), Has.Count.EqualTo(1));
        Assert.That(await RowAsync(id), Is.EqualTo(("sent", 2L)));
    }

    [Test]
    public async Task A_kinds_own_read_failing_before_its_post_retries_the_row()
    {
        var (factory, faults) = await StartAsync();
        faults.Kind.Before.Arm(times: 2);

        var id = await EnqueueAsync(factory, "k1", "hello");
        await _harness.Attempts.WaitForAsync(1);
        Retry(factory);
        await _harness.Attempts.WaitForAsync(2);
        Retry(factory, attempt: 2);
        var all = await _harness.Attempts.WaitForAsync(3);

        Assert.That(all, Is.EqualTo(new[] { (id, "database_error"), (id, "database_error"), (id, "ok") }));
        Assert.That(_harness.Slack.CallsTo("chat.postMessage"), Has.Count.EqualTo(1));
        Assert.That(await RowAsync(id), Is.EqualTo(("sent", 3L)));
    }

    [Test]
    public async Task A_fault_after_the_post_reached_Slack_ends_the_row_rather_than_risk_a_second_message()
    {
        var (factory, faults) = await StartAsync();
        faults.Kind.After.Arm(times: 1);

        var id = await EnqueueAsync(factory, "k1", "hello");
        var attempts = await _harness.Attempts.WaitForAsync(1);

        Assert.That(attempts.Single(), Is.EqualTo((id, "SqliteException")));
        Assert.That(_harness.Slack.CallsTo("chat.postMessage"), Has.Count.EqualTo(1));
        Assert.That(await QueryAsync<(string, string)>("SELECT state, end_reason FROM nudges WHERE id = @Id", new { Id = id }),
            Is.EqualTo(new[] { ("failed", "sender_error") }));
    }

    [Test]
    public async Task A_sent_row_whose_end_cannot_be_written_is_recorded_sent_once_the_database_is_back()
    {
        var (factory, faults) = await StartAsync();
        faults.Writes.Outcome.Arm(times: 1);

        var id = await EnqueueAsync(factory, "k1", "hello");
        await _harness.Slack.WaitForCallAsync("chat.postMessage");

        // The write was postponed, not given up: a later round writes it. Each turn advances the
        // clock past the retry delay and wakes the sender, until the outcome is recorded.
        var recorded = await RecordedWhileRetryingAsync(factory, count: 1);

        Assert.That(recorded.Single(), Is.EqualTo((id, "ok")));
        Assert.That(faults.Writes.Outcome.Thrown, Is.EqualTo(1));
        Assert.That(_harness.Slack.CallsTo("chat.postMessage"), Has.Count.EqualTo(1));
        Assert.That(await RowAsync(id), Is.EqualTo(("sent", 1L)));
    }

    [Test]
    public async Task A_row_deferred_by_a_fault_whose_deferral_cannot_be_written_is_retried_once_the_database_is_back()
    {
        var (factory, faults) = await StartAsync();
        faults.Installations.Get.Arm(times: 1);
        faults.Writes.Outcome.Arm(times: 1);

        var id = await EnqueueAsync(factory, "k1", "hello");
        var recorded = await RecordedWhileRetryingAsync(factory, count: 2);

        Assert.That(recorded, Is.EqualTo(new[] { (id, "token_unavailable"), (id, "ok") }));
        Assert.That(_harness.Slack.CallsTo("chat.postMessage"), Has.Count.EqualTo(1));
        Assert.That(await RowAsync(id), Is.EqualTo(("sent", 2L)));
    }

    [Test]
    public async Task A_revoked_token_still_ends_the_row_with_its_reason_without_a_retry()
    {
        var (factory, _) = await StartAsync();
        _harness.Slack.Enqueue("chat.postMessage", FakeResponse.Error("token_revoked"));

        var id = await EnqueueAsync(factory, "k1", "hello");
        var attempts = await _harness.Attempts.WaitForAsync(1);

        Assert.That(attempts.Single(), Is.EqualTo((id, "token_revoked")));
        Assert.That(await QueryAsync<(string, string)>("SELECT state, end_reason FROM nudges WHERE id = @Id", new { Id = id }),
            Is.EqualTo(new[] { ("failed", "token_revoked") }));
    }

    private async Task<(AsyncCoachFactory Factory, Faults Faults)> StartAsync()
    {
        var faults = new Faults();
        var factory = _harness.Start(configure: f =>
        {
            if (_database is not null)
            {
                f.With("Storage:Provider", "Postgres").With("Storage:ConnectionString", _database.ConnectionString);
            }

            f.WithServices(s =>
            {
                s.AddSingleton<IOutboxKindSender>(faults.Kind);
                Decorate<IInstallationStore>(s, inner => faults.Installations = new FaultyInstallationStore(inner));
                Decorate<IOutboxStore>(s, inner => faults.Writes = new FaultyOutboxWrites(inner));
            });
        });
        _ = factory.Services.GetRequiredService<IInstallationStore>();
        _ = factory.Services.GetRequiredService<IOutboxStore>();

        // The start's own look-ups of the installations are done before a fault is armed, so the
        // fault meets the outbox's, not theirs: the installation check, and the warm-up's listing
        // of the team's people (users.list reads the token through the same registry; on a slow
        // machine it ran after the arming and took the fault meant for the outbox).
        var hosted = factory.Services.GetServices<IHostedService>().ToList();
        await hosted.OfType<InstallationStartup>().Single().ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(15));
        await hosted.OfType<WorkspaceWarmup>().Single().ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(15));
        await factory.Services.GetRequiredService<SlackWorkspaceDirectory>().WarmAsync(new TeamId(NudgeHarness.Team))
            .WaitAsync(TimeSpan.FromSeconds(15));
        return (factory, faults);
    }

    // The provider's own store (SQLite or PostgreSQL), wrapped.
    private static void Decorate<T>(IServiceCollection services, Func<T, T> wrap)
        where T : class
    {
        var type = services.Last(d => d.ServiceType == typeof(T)).ImplementationType!;
        services.AddSingleton(type);
        services.AddSingleton<T>(sp => wrap((T)sp.GetRequiredService(type)));
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        if (_database is null)
        {
            return await _harness.QueryAsync<T>(sql, parameters);
        }

        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        return (await connection.QueryAsync<T>(sql, parameters)).AsList();
    }

    private static async Task<long> EnqueueAsync(AsyncCoachFactory factory, string key, string text)
    {
        var now = factory.Time.GetUtcNow();
        var id = await factory.Services.GetRequiredService<IOutboxStore>().TryEnqueueAsync(
            new OutboxMessage(ProbeKind.Name, NudgeHarness.Team, Lead, key, text, now.AddHours(1)), now, CancellationToken.None);
        factory.Services.GetRequiredService<OutboxSignal>().Notify();
        return id!.Value;
    }

    // The row's backoff (RetryBaseDelay doubled per attempt) passes; the signal makes sure the
    // sender's wait, whenever it started, sees the new time.
    private static void Retry(AsyncCoachFactory factory, int attempt = 1)
    {
        factory.Time.Advance(RetryBase * Math.Pow(2, attempt - 1));
        factory.Services.GetRequiredService<OutboxSignal>().Notify();
    }

    private async Task<IReadOnlyList<(long Id, string Outcome)>> RecordedWhileRetryingAsync(AsyncCoachFactory factory, int count)
    {
        // A deadline, not a timing: each turn waits for the signal up to a second.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Retry(factory);
            try
            {
                return await _harness.Attempts.WaitForAsync(count, TimeSpan.FromSeconds(1));
            }
            catch (OperationCanceledException)
            {
                // Not yet: another turn.
            }
        }

        return _harness.Attempts.Attempts;
    }

    private async Task<(string State, long Attempts)> RowAsync(long id) =>
        (await QueryAsync<(string, long)>("SELECT state, CAST(attempts AS BIGINT) FROM nudges WHERE id = @Id", new { Id = id })).Single();

    private async Task<IReadOnlyList<string>> OutcomesAsync(long id) =>
        await QueryAsync<string>("SELECT outcome FROM nudge_attempts WHERE nudge_id = @Id ORDER BY id", new { Id = id });

    private sealed class Faults
    {
        public ProbeKind Kind { get; } = new();

        public FaultyInstallationStore Installations { get; set; } = null!;

        public FaultyOutboxWrites Writes { get; set; } = null!;
    }

    /// <summary>Reads (a fault before the post), posts the payload as a DM's text, reads again (a fault after it).</summary>
    private sealed class ProbeKind : IOutboxKindSender
    {
        public const string Name = "probe";

        public Fault Before { get; } = new();

        public Fault After { get; } = new();

        public string Kind => Name;

        public async Task SendAsync(OutboxRow row, ISlackWebApi slack, CancellationToken cancellationToken)
        {
            Before.Check();
            await slack.PostMessageAsync(new PostMessageRequest(row.AuthorId, row.ContentJson!), cancellationToken);
            After.Check();
        }
    }
}
