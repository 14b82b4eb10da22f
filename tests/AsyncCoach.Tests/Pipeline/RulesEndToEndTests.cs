using System.Net;
using AsyncCoach.Core.Model;
using AsyncCoach.Pipeline;
using AsyncCoach.Storage;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.Pipeline;

/// <summary>Signed events through real HTTP, the inbox and the rules, to stored findings (dry-run).</summary>
public sealed class RulesEndToEndTests
{
    private AsyncCoachFactory _factory = null!;
    private FindingProbe _findings = null!;
    private HttpClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _findings = new FindingProbe();
        _factory = new AsyncCoachFactory().WithServices(services =>
            services.AddScoped<IFindingSink>(sp => _findings.Wrap(new RecordingFindingSink(sp.GetRequiredService<IFindingStore>()))));
        _client = _factory.CreateRealClient();
    }

    [TearDown]
    public async Task TearDown()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _factory.DeleteDatabase();
    }

    private string Now(int secondsLater = 0) => MessageTs.FromInstant(_factory.Time.GetUtcNow().AddSeconds(secondsLater)).Value;

    [Test]
    public async Task A_call_proposal_in_a_channel_is_stored_as_a_finding_without_its_text()
    {
        var ts = Now();
        using var response = await _client.SendAsync(_factory.SignedRequest("/slack/events",
            Payloads.MessageEvent("EvHuddle", text: "can we hop on a call about the migration?", channel: "C77", user: "U5", ts: ts)));

        var findings = await _findings.WaitForAsync(1);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(findings.Single().RuleId, Is.EqualTo("huddle-instead-of-thread"));
        var stored = await TestDatabase.ScalarAsync<string>(_factory.DatabasePath,
            $"SELECT rule_id || '|' || author_id || '|' || channel_id || '|' || message_ts FROM findings");
        Assert.That(stored, Is.EqualTo($"huddle-instead-of-thread|U5|C77|{ts}"));
        var everything = await TestDatabase.ScalarAsync<string>(_factory.DatabasePath,
            "SELECT group_concat(evidence_json || recipients_json) FROM findings");
        Assert.That(everything, Does.Not.Contain("migration"));
    }

    [Test]
    public async Task A_bare_greeting_in_a_DM_is_held_for_the_grace_window_then_recorded()
    {
        using var response = await _client.SendAsync(_factory.SignedRequest("/slack/events",
            Payloads.MessageEvent("EvHi", text: "hi", channel: "D1", channelType: "im", user: "U5", ts: Now())));
        await _factory.Processed.WaitForAsync(1);
        Assert.That(_findings.Findings, Is.Empty, "nothing before the grace window has passed");

        _factory.Time.Advance(TimeSpan.FromSeconds(65));

        var findings = await _findings.WaitForAsync(1);
        Assert.That(findings.Single().RuleId, Is.EqualTo("missing-context"));
        Assert.That(await TestDatabase.ScalarAsync<long>(_factory.DatabasePath, "SELECT COUNT(*) FROM findings WHERE rule_id = 'missing-context'"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_greeting_followed_by_the_ask_within_the_grace_window_records_nothing()
    {
        using var hi = await _client.SendAsync(_factory.SignedRequest("/slack/events",
            Payloads.MessageEvent("EvHi2", text: "hey", channel: "D2", channelType: "im", user: "U6", ts: Now())));
        using var ask = await _client.SendAsync(_factory.SignedRequest("/slack/events",
            Payloads.MessageEvent("EvAsk2", text: "could you send me the Q3 numbers by Friday?", channel: "D2", channelType: "im", user: "U6", ts: Now(20))));
        await _factory.Processed.WaitForAsync(2);

        var idle = _factory.Processed.WaitForIdleRoundAsync();
        _factory.Time.Advance(TimeSpan.FromSeconds(120));
        await idle;

        // The idle round after the window ran the tracker clock, and nothing was released.
        Assert.That(_factory.Services.GetRequiredService<TrackerHost>().PendingCount, Is.Zero);
        Assert.That(_findings.Findings, Is.Empty);
    }

    [Test]
    public async Task A_deleted_greeting_is_never_recorded()
    {
        var ts = Now();
        using var hi = await _client.SendAsync(_factory.SignedRequest("/slack/events",
            Payloads.MessageEvent("EvHi3", text: "hello", channel: "D3", channelType: "im", user: "U7", ts: ts)));
        using var deleted = await _client.SendAsync(_factory.SignedRequest("/slack/events",
            $$"""{"type":"event_callback","team_id":"T0001","event_id":"EvDel3","event":{"type":"message","subtype":"message_deleted","hidden":true,"channel":"D3","channel_type":"im","deleted_ts":"{{ts}}","ts":"{{Now(5)}}" } }"""));
        await _factory.Processed.WaitForAsync(2);

        Assert.That(_factory.Services.GetRequiredService<TrackerHost>().PendingCount, Is.Zero);
    }
}
