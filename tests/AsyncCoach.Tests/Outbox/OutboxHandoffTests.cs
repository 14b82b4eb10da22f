using AsyncCoach.Nudges;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;
using AsyncCoach.Storage.Sqlite;
using AsyncCoach.Tests.Fakes;
using AsyncCoach.Tests.Nudges;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AsyncCoach.Tests.Outbox;

/// <summary>
/// The hand-off (<see cref="OutboxHandoff"/>): a nudge whose team's lane can take it is written
/// already claimed by the inbox round and handed to the lane after the commit, with no read of
/// what is due and no claim commit by the sender; the outbox's rules hold as before.
/// </summary>
public sealed class OutboxHandoffTests
{
    private const string Urgent = "can you send me the Q3 numbers asap";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);
    private NudgeHarness _harness = null!;

    [SetUp]
    public async Task SetUp() => _harness = await NudgeHarness.StartAsync();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    [Test]
    public async Task A_nudge_the_round_wrote_claimed_is_sent_once_without_the_sender_reading_or_claiming_it()
    {
        var recorder = new RecordingOutboxStore();
        _harness.Start(configure: f => f.WithServices(s => Record(s, recorder)));
        await recorder.FirstRound.WaitAsync(Deadline);

        using (await _harness.PostMessageAsync("EvHanded", Urgent))
        {
        }

        var attempts = await _harness.Attempts.WaitForAsync(1);

        Assert.That(attempts.Single().Outcome, Is.EqualTo("ok"));
        Assert.That(_harness.Slack.CallsTo("chat.postEphemeral"), Has.Count.EqualTo(1));
        var rows = await _harness.QueryAsync<(long Id, string State, long Attempts)>("SELECT id, state, attempts FROM nudges");
        Assert.That(rows.Select(r => (r.State, r.Attempts)), Is.EqualTo(new[] { ("sent", 1L) }));
        Assert.That(recorder.Claims.SelectMany(c => c), Does.Not.Contain(rows[0].Id), "claimed by the round, not by a claim of the sender");
        Assert.That(recorder.Reads.Select(r => r.Found), Is.All.EqualTo(0), "no round of the sender read it as due");
    }

    [Test]
    public async Task A_crash_after_the_rounds_commit_and_before_the_call_ends_the_row_as_interrupted_and_never_sends_it()
    {
        var blocking = new BlockingNudgeSender();
        var recorder = new RecordingOutboxStore();
        var first = _harness.Start(configure: f => f.WithServices(s =>
        {
            s.Remove(s.Single(d => d.ServiceType == typeof(IOutboxKindSender) && d.ImplementationType == typeof(NudgeKindSender)));
            s.AddSingleton<IOutboxKindSender>(blocking);
            Record(s, recorder);
        }));
        await recorder.FirstRound.WaitAsync(Deadline);
        using (await _harness.PostMessageAsync("EvCrash", Urgent))
        {
        }

        // The row is in its lane, its call about to start: what a crash now would leave on disk.
        var id = await blocking.Reached.Task.WaitAsync(Deadline);
        var snapshot = TestFiles.NewDatabase("handoff-crash");
        Snapshot(first.DatabasePath, snapshot);
        Assert.That(recorder.Claims.SelectMany(c => c), Does.Not.Contain(id), "handed over, claimed by the round");
        blocking.Release.SetResult();
        await _harness.Attempts.WaitForAsync(1);
        await _harness.StopAsync();
        first.DeleteDatabase();

        _harness.Start(databasePath: snapshot);
        // Recovery runs before the sender opens the hand-off; a later nudge shows it is open.
        using (await _harness.PostMessageAsync("EvAfterCrash", "please review the draft, it's urgent", channel: "C0CHAN002"))
        {
        }

        var attempts = await _harness.Attempts.WaitForAsync(1);

        Assert.That(attempts.Single().Id, Is.Not.EqualTo(id));
        var rows = await _harness.QueryAsync<(long, string, string?)>("SELECT id, state, end_reason FROM nudges ORDER BY id");
        Assert.That(rows[0], Is.EqualTo((id, "failed", (string?)"interrupted")));
        Assert.That(rows.Skip(1).Select(r => r.Item2), Is.EqualTo(new[] { "sent" }));
        Assert.That(_harness.Slack.CallsTo("chat.postEphemeral"), Has.Count.EqualTo(1));
        Assert.That(_harness.Slack.CallsTo("chat.postEphemeral").Single().Arg("channel"), Is.EqualTo("C0CHAN002"));
    }

    [Test]
    public async Task A_rate_limited_teams_next_nudge_is_written_pending_and_goes_out_after_the_hold()
    {
        var recorder = new RecordingOutboxStore();
        var factory = _harness.Start(configure: f => f
            .With("Slack:MaxRetryAfter", "00:00:00")
            .WithServices(s => Record(s, recorder)));
        await recorder.FirstRound.WaitAsync(Deadline);
        _harness.Slack.Enqueue("chat.postEphemeral", FakeResponse.RateLimited(retryAfterSeconds: 5));
        var start = factory.Time.GetUtcNow();
        using (await _harness.PostMessageAsync("EvLimited", Urgent))
        {
        }

        Assert.That((await _harness.Attempts.WaitForAsync(1)).Single().Outcome, Is.EqualTo("ratelimited"));
        // Another author: the first nudge, pending, counts against its author's daily caps.
        using (await _harness.PostMessageAsync("EvHeld", "please review the draft, it's urgent", channel: "C0CHAN002", user: "U0OTHER01"))
        {
        }

        await factory.Processed.WaitForAsync(2);
        var held = (await _harness.QueryAsync<long>("SELECT id FROM nudges WHERE channel_id = 'C0CHAN002'")).Single();
        Assert.That(_harness.Slack.CallsTo("chat.postEphemeral"), Has.Count.EqualTo(1), "nothing sent for the team during the hold");

        factory.Time.Advance(TimeSpan.FromSeconds(5));
        factory.Services.GetRequiredService<OutboxSignal>().Notify();
        var attempts = await _harness.Attempts.WaitForAsync(3);

        Assert.That(attempts.Select(a => a.Outcome), Is.EqualTo(new[] { "ratelimited", "ok", "ok" }));
        Assert.That(_harness.Slack.CallsTo("chat.postEphemeral"), Has.Count.EqualTo(3), "one refused, two delivered");
        Assert.That(recorder.Claims.SelectMany(c => c), Does.Contain(held), "written pending, claimed by a round of the sender");
        var sent = await _harness.QueryAsync<(string State, string SentAt)>("SELECT state, sent_at FROM nudges WHERE id = @Id", new { Id = held });
        Assert.That(sent.Single().State, Is.EqualTo("sent"));
        Assert.That(DateTimeOffset.Parse(sent.Single().SentAt, System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(start.AddSeconds(5)));
    }

    [Test]
    public async Task Without_a_running_sender_the_round_writes_its_nudges_pending()
    {
        var factory = _harness.Start(withSender: false);
        using (await _harness.PostMessageAsync("EvNoSender", Urgent))
        {
        }

        await factory.Processed.WaitForAsync(1);

        Assert.That(await _harness.QueryAsync<(string, long)>("SELECT state, attempts FROM nudges"), Is.EqualTo(new[] { ("pending", 0L) }));
        Assert.That(factory.Services.GetServices<IHostedService>().OfType<OutboxSender>(), Is.Empty);
    }

    private static void Record(IServiceCollection services, RecordingOutboxStore recorder)
    {
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<IOutboxStore>(sp => recorder.Wrap(sp.GetRequiredService<OutboxStore>()));
    }

    // A consistent copy of what is committed, as a crash would leave it (the keys with it, for the tokens).
    private static void Snapshot(string source, string target)
    {
        using (var from = new SqliteConnection($"Data Source={source};Pooling=False"))
        using (var to = new SqliteConnection($"Data Source={target};Pooling=False"))
        {
            from.Open();
            to.Open();
            from.BackupDatabase(to);
        }

        if (Directory.Exists(source + ".keys"))
        {
            Directory.CreateDirectory(target + ".keys");
            foreach (var file in Directory.GetFiles(source + ".keys"))
            {
                File.Copy(file, Path.Combine(target + ".keys", Path.GetFileName(file)));
            }
        }
    }

    /// <summary>Takes the nudge kind's calls and holds each until released, calling no one.</summary>
    private sealed class BlockingNudgeSender : IOutboxKindSender
    {
        public string Kind => IOutboxStore.NudgeKind;

        public TaskCompletionSource<long> Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task SendAsync(OutboxRow row, ISlackWebApi slack, CancellationToken cancellationToken)
        {
            Reached.TrySetResult(row.Id);
            await Release.Task;
        }
    }
}
