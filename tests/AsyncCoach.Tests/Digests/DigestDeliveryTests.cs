using System.Text.Json.Nodes;
using AsyncCoach.Storage;
using AsyncCoach.Tests.Nudges;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.Digests;

/// <summary>
/// The live path end to end: the hosted scheduler on the fake clock hands the lead's digest to
/// the outbox at their Monday 09:00, and the outbox opens the DM and posts it to the fake Slack.
/// </summary>
public sealed class DigestDeliveryTests
{
    private const string Lead = "U0LEAD001";
    private NudgeHarness _harness = null!;

    [SetUp]
    public async Task SetUp() => _harness = await NudgeHarness.StartAsync();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    [Test]
    public async Task At_the_leads_local_Monday_09_00_the_digest_is_sent_once_as_a_DM()
    {
        // Monday 2 March 2026, 07:59 UTC = 08:59 in Berlin.
        var factory = _harness.Start(now: new DateTimeOffset(2026, 3, 2, 7, 59, 0, TimeSpan.Zero));
        var services = factory.Services;
        await services.GetRequiredService<IInstallationStore>().SaveAsync(
            new Installation(NudgeHarness.Team, Active: true, Reason: null, Installation.FromConfiguration), factory.Time.GetUtcNow(), CancellationToken.None);
        await services.GetRequiredService<INormsStore>().SetAsync(NudgeHarness.Team, "leads", new JsonArray(Lead), "test", CancellationToken.None);
        await services.GetRequiredService<IPersonSettingsStore>().SaveAsync(
            NudgeHarness.Team, new PersonSettings(Lead, null, "Europe/Berlin", null, false), CancellationToken.None);
        // The scheduler's and the outbox's timers start once the database is migrated, which may
        // be after this point: move the clock on a second at a time (at most ten minutes) until
        // the digest is posted. A step stays far below a call's time-out, so a call in flight
        // never sees it pass.
        for (var step = 0; !_harness.Slack.CallsTo("chat.postMessage").Any() && step < 600; step++)
        {
            factory.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10); // lets the service's loops run between steps; not a wait for an outcome
        }

        var post = await _harness.Slack.WaitForCallAsync("chat.postMessage");
        var attempts = await _harness.Attempts.WaitForAsync(1);

        var open = _harness.Slack.CallsTo("conversations.open").Single();
        Assert.That(open.Arg("users"), Is.EqualTo(Lead));
        Assert.That(post.Arg("channel"), Is.EqualTo("D0FAKE0001"));
        var blocks = JsonNode.Parse(post.Arg("blocks")!)!.AsArray();
        Assert.That((string?)blocks[0]!["type"], Is.EqualTo("header"));
        Assert.That(attempts.Single().Outcome, Is.EqualTo("ok"));
        var rows = await _harness.QueryAsync<(string Kind, string State, string Key)>("SELECT kind, state, message_ts FROM nudges");
        Assert.That(rows, Is.EqualTo(new[] { ("digest", "sent", "digest:2026-03-02") }));
    }
}
