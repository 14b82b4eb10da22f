using AsyncCoach.Nudges;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;
using AsyncCoach.Tests.Nudges;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.Outbox;

/// <summary>
/// The running sender against the fake Slack on 127.0.0.1: one workspace's backlog does not
/// hold up another workspace's first message, and every row of the backlog still goes out once.
/// </summary>
public sealed class OutboxFairnessTests
{
    private const string Busy = NudgeHarness.Team;
    private const string Quiet = "T0QUIET01";
    private NudgeHarness _harness = null!;

    [SetUp]
    public async Task SetUp() => _harness = await NudgeHarness.StartAsync();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    [Test]
    public async Task A_workspace_with_300_waiting_does_not_delay_another_workspaces_first_message()
    {
        // Written while no sender runs, the busy team's 300 rows all before the quiet team's one.
        var first = Start(withSender: false);
        var now = first.Time.GetUtcNow();
        var busy = new List<long>();
        var store = first.Services.GetRequiredService<IOutboxStore>();
        for (var i = 0; i < 300; i++)
        {
            busy.Add((await store.TryEnqueueAsync(Message(Busy, $"b{i}", now), now, CancellationToken.None))!.Value);
        }

        first.Time.Advance(TimeSpan.FromSeconds(1));
        var quiet = (await store.TryEnqueueAsync(Message(Quiet, "q0", first.Time.GetUtcNow()), first.Time.GetUtcNow(), CancellationToken.None))!.Value;
        var stoppedAt = first.Time.GetUtcNow();
        await _harness.StopAsync();

        Start(withSender: true, now: stoppedAt, databasePath: first.DatabasePath);
        var attempts = await _harness.Attempts.WaitForAsync(301, TimeSpan.FromSeconds(60));

        var quietAt = attempts.Select(a => a.Id).ToList().IndexOf(quiet);
        Assert.That(quietAt, Is.GreaterThanOrEqualTo(0));
        Assert.That(quietAt, Is.LessThan(100), "the quiet team's message went out among the first, not after the busy team's backlog");
        Assert.That(attempts.Select(a => a.Outcome), Is.All.EqualTo("ok"));
        Assert.That(attempts.Select(a => a.Id).Order(), Is.EqualTo(busy.Append(quiet).Order()), "every row once");
        Assert.That(_harness.Slack.CallsTo("chat.postMessage"), Has.Count.EqualTo(300), "the busy team's rows, each called once");
    }

    private Infrastructure.AsyncCoachFactory Start(bool withSender, DateTimeOffset? now = null, string? databasePath = null) =>
        _harness.Start(now: now, databasePath: databasePath, withSender: withSender,
            configure: f => f.WithServices(s => s.AddSingleton<IOutboxKindSender, ProbeKindSender>()));

    private static OutboxMessage Message(string team, string key, DateTimeOffset now) =>
        new("probe", team, "U0LEAD0001", key, key, now.AddHours(1));

    /// <summary>Posts the payload as the text of a DM to the recipient.</summary>
    private sealed class ProbeKindSender : IOutboxKindSender
    {
        public string Kind => "probe";

        public Task SendAsync(OutboxRow row, ISlackWebApi slack, CancellationToken cancellationToken) =>
            slack.PostMessageAsync(new PostMessageRequest(row.AuthorId, row.ContentJson!), cancellationToken);
    }
}
