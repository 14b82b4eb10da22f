using AsyncCoach.Nudges;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;
using AsyncCoach.Storage.Sqlite;
using AsyncCoach.Tests.Fakes;
using AsyncCoach.Tests.Nudges;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.Outbox;

/// <summary>
/// A kind other than a nudge, through the real outbox and sender against the fake Slack on
/// 127.0.0.1: idempotent enqueue, the durable claim, and the shared 429 and revoked-token handling.
/// </summary>
public sealed class OutboxKindTests
{
    private const string Lead = "U0LEAD0001";
    private NudgeHarness _harness = null!;

    [SetUp]
    public async Task SetUp() => _harness = await NudgeHarness.StartAsync();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    [Test]
    public async Task A_message_of_another_kind_is_sent_once_through_its_kind_sender_even_when_enqueued_twice()
    {
        var factory = Start();

        var first = await EnqueueAsync(factory, "2026-W11", "hello lead");
        var second = await EnqueueAsync(factory, "2026-W11", "hello lead again");

        Assert.That(first, Is.Not.Null);
        Assert.That(second, Is.Null);
        var call = await _harness.Slack.WaitForCallAsync("chat.postMessage");
        var attempts = await _harness.Attempts.WaitForAsync(1);
        Assert.That(attempts.Single(), Is.EqualTo((first!.Value, "ok")));
        Assert.That(call.Arg("channel"), Is.EqualTo(Lead));
        Assert.That(call.Arg("text"), Is.EqualTo("hello lead"));
        var rows = await _harness.QueryAsync<(string Kind, string State, string? Content, long Attempts)>(
            "SELECT kind, state, content_json, attempts FROM nudges");
        Assert.That(rows, Is.EqualTo(new[] { ("probe", "sent", (string?)null, 1L) }));
    }

    [Test]
    public async Task A_long_429_defers_the_row_and_the_teams_nudges_alike_and_it_is_sent_when_due()
    {
        var factory = Start(f => f.With("Slack:MaxRetryAfter", "00:00:00"));
        _harness.Slack.Enqueue("chat.postMessage", FakeResponse.RateLimited(retryAfterSeconds: 30));
        var start = factory.Time.GetUtcNow();

        var id = await EnqueueAsync(factory, "k1", "later");
        var first = await _harness.Attempts.WaitForAsync(1);

        Assert.That(first.Single(), Is.EqualTo((id!.Value, "ratelimited")));
        var retryAt = await _harness.QueryAsync<string>("SELECT next_attempt_at FROM nudges WHERE id = @Id", new { Id = id });
        Assert.That(StoredInstant.Parse(retryAt.Single()), Is.EqualTo(start.AddSeconds(30)));

        factory.Time.Advance(TimeSpan.FromSeconds(30));
        factory.Services.GetRequiredService<OutboxSignal>().Notify();
        var all = await _harness.Attempts.WaitForAsync(2);
        Assert.That(all[1], Is.EqualTo((id.Value, "ok")));
        Assert.That(_harness.Slack.CallsTo("chat.postMessage"), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_revoked_token_on_another_kind_marks_the_team_inactive_for_every_kind()
    {
        var factory = Start();
        _harness.Slack.Enqueue("chat.postMessage", FakeResponse.Error("token_revoked"));

        await EnqueueAsync(factory, "k1", "one");
        await _harness.Attempts.WaitForAsync(1);
        await EnqueueAsync(factory, "k2", "two");
        var attempts = await _harness.Attempts.WaitForAsync(2);

        Assert.That(attempts.Select(a => a.Outcome), Is.EqualTo(new[] { "token_revoked", "failed" }));
        Assert.That(_harness.Slack.CallsTo("chat.postMessage"), Has.Count.EqualTo(1));
        Assert.That(await _harness.QueryAsync<string>("SELECT end_reason FROM nudges ORDER BY id"), Is.EqualTo(new[] { "token_revoked", "installation_inactive" }));
        Assert.That(await _harness.QueryAsync<long>("SELECT active FROM installations WHERE team_id = @Team", new { Team = NudgeHarness.Team }),
            Is.EqualTo(new[] { 0L }));
    }

    [Test]
    public async Task A_row_whose_kind_has_no_sender_ends_as_failed_without_calling_Slack()
    {
        var factory = Start();
        var store = factory.Services.GetRequiredService<IOutboxStore>();
        var id = await store.TryEnqueueAsync(
            new OutboxMessage("nobody", NudgeHarness.Team, Lead, "k", "{}", factory.Time.GetUtcNow().AddHours(1)),
            factory.Time.GetUtcNow(), CancellationToken.None);
        factory.Services.GetRequiredService<OutboxSignal>().Notify();

        var attempts = await _harness.Attempts.WaitForAsync(1);

        Assert.That(attempts.Single(), Is.EqualTo((id!.Value, "failed")));
        Assert.That(await _harness.QueryAsync<(string, string?)>("SELECT state, end_reason FROM nudges"), Is.EqualTo(new[] { ("failed", (string?)"unknown_kind") }));
        Assert.That(_harness.Slack.Calls.Select(c => c.Method), Has.None.StartsWith("chat."));
    }

    [Test]
    public void A_nudge_cannot_be_enqueued_without_its_rules()
    {
        var factory = Start();
        var store = factory.Services.GetRequiredService<IOutboxStore>();

        Assert.That(
            async () => await store.TryEnqueueAsync(new OutboxMessage(IOutboxStore.NudgeKind, NudgeHarness.Team, Lead, "k", "{}", factory.Time.GetUtcNow()), factory.Time.GetUtcNow(), CancellationToken.None),
            Throws.ArgumentException);
    }

    private Infrastructure.AsyncCoachFactory Start(Action<Infrastructure.AsyncCoachFactory>? configure = null) =>
        _harness.Start(configure: f =>
        {
            f.WithServices(s => s.AddSingleton<IOutboxKindSender, ProbeKindSender>());
            configure?.Invoke(f);
        });

    private static async Task<long?> EnqueueAsync(Infrastructure.AsyncCoachFactory factory, string key, string text)
    {
        var now = factory.Time.GetUtcNow();
        var id = await factory.Services.GetRequiredService<IOutboxStore>().TryEnqueueAsync(
            new OutboxMessage("probe", NudgeHarness.Team, Lead, key, text, now.AddHours(1)), now, CancellationToken.None);
        factory.Services.GetRequiredService<OutboxSignal>().Notify();
        return id;
    }

    /// <summary>Posts the payload as the text of a DM to the recipient.</summary>
    private sealed class ProbeKindSender : IOutboxKindSender
    {
        public string Kind => "probe";

        public Task SendAsync(OutboxRow row, ISlackWebApi slack, CancellationToken cancellationToken) =>
            slack.PostMessageAsync(new PostMessageRequest(row.AuthorId, row.ContentJson!), cancellationToken);
    }
}
