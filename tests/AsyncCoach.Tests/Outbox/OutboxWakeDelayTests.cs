using AsyncCoach.Nudges;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;
using AsyncCoach.Storage.Sqlite;
using AsyncCoach.Tests.Nudges;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.Outbox;

/// <summary>
/// Nudges:WakeDelay: woken by a commit, the sender waits that long on the clock before it reads
/// what is due, so messages committed one after another go out in one round (one read, one claim).
/// </summary>
public sealed class OutboxWakeDelayTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(50);
    private NudgeHarness _harness = null!;

    [SetUp]
    public async Task SetUp() => _harness = await NudgeHarness.StartAsync();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    [Test]
    public async Task Messages_committed_within_the_delay_are_read_and_claimed_in_one_round_once_the_clock_has_moved()
    {
        var recorder = new RecordingOutboxStore();
        var factory = _harness.Start(configure: f => f
            .With("Nudges:WakeDelay", "00:00:00.050")
            .WithServices(s =>
            {
                s.AddSingleton<IOutboxKindSender, ProbeKindSender>();
                s.AddSingleton<OutboxStore>();
                s.AddSingleton<IOutboxStore>(sp => recorder.Wrap(sp.GetRequiredService<OutboxStore>()));
            }));

        // The sender's first round (at start, before any signal) has read nothing: it now waits.
        await recorder.FirstRound.WaitAsync(TimeSpan.FromSeconds(15));
        var store = factory.Services.GetRequiredService<IOutboxStore>();
        var signal = factory.Services.GetRequiredService<OutboxSignal>();
        var woken = factory.Time.GetUtcNow();
        var first = (await store.TryEnqueueAsync(Message("a", woken), woken, CancellationToken.None))!.Value;
        signal.Notify();
        var second = (await store.TryEnqueueAsync(Message("b", woken), woken, CancellationToken.None))!.Value;
        signal.Notify();

        // The sender sets its delay on the clock when it has woken, which the test cannot see:
        // the clock is moved on by the delay until the sends are recorded (each turn waits for
        // them, with a deadline), so a delay set after a move is still reached.
        IReadOnlyList<(long Id, string Outcome)> attempts;
        for (var turn = 1; ; turn++)
        {
            factory.Time.Advance(Delay);
            try
            {
                attempts = await _harness.Attempts.WaitForAsync(2, TimeSpan.FromMilliseconds(250));
                break;
            }
            catch (OperationCanceledException) when (turn < 60)
            {
            }
        }

        Assert.That(attempts.Select(a => a.Outcome), Is.All.EqualTo("ok"));
        var claims = recorder.Claims.Where(c => c.Count > 0).ToList();
        Assert.That(claims, Has.Count.EqualTo(1), "both rows claimed by one round");
        Assert.That(claims[0], Is.EquivalentTo(new[] { first, second }));
        var reads = recorder.Reads.Where(r => r.Found > 0).ToList();
        Assert.That(reads, Has.Count.EqualTo(1));
        Assert.That(reads[0].Now, Is.GreaterThanOrEqualTo(woken + Delay), "the round read after the delay had passed on the clock");
        Assert.That(_harness.Slack.CallsTo("chat.postMessage"), Has.Count.EqualTo(2));
    }

    private static OutboxMessage Message(string key, DateTimeOffset now) =>
        new("probe", NudgeHarness.Team, "U0LEAD0001", key, key, now.AddHours(1));

    /// <summary>Posts the payload as the text of a DM to the recipient.</summary>
    private sealed class ProbeKindSender : IOutboxKindSender
    {
        public string Kind => "probe";

        public Task SendAsync(OutboxRow row, ISlackWebApi slack, CancellationToken cancellationToken) =>
            slack.PostMessageAsync(new PostMessageRequest(row.AuthorId, row.ContentJson!), cancellationToken);
    }
}
