using AsyncCoach.Core.Model;
using AsyncCoach.Installations;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.Installations;

/// <summary>The daily retention pass: findings and nudge history after 180 days, dry-run calls after 7, on the fake clock.</summary>
public sealed class RetentionTests
{
    [Test]
    public async Task Findings_nudges_and_dry_run_calls_are_deleted_once_older_than_their_periods()
    {
        // No installation for this team: dry-run, so its nudge is a recorded call.
        await using var harness = await InstallHarness.StartAsync();
        var body = Payloads.MessageEvent("EvOld", text: "can you send me the Q3 numbers asap", channel: "C0CHAN001", user: "U0AUTHOR1",
            ts: MessageTs.FromInstant(harness.Factory.Time.GetUtcNow()).Value, team: "T0DRYRUN");
        using (var response = await harness.Client.SendAsync(harness.Factory.SignedRequest("/slack/events", body)))
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
        }

        await harness.Attempts.WaitForAsync(1);
        var retention = harness.Factory.Services.GetRequiredService<RetentionPass>();
        async Task<long[]> CountsAsync() =>
        [
            .. await harness.QueryAsync<long>(
                "SELECT (SELECT count(*) FROM findings) UNION ALL SELECT (SELECT count(*) FROM nudges) UNION ALL " +
                "SELECT (SELECT count(*) FROM nudge_attempts) UNION ALL SELECT (SELECT count(*) FROM slack_api_calls WHERE method = 'chat.postEphemeral')"),
        ];
        Assert.That(await CountsAsync(), Is.EqualTo(new long[] { 1, 1, 1, 1 }));

        harness.Factory.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await retention.RunOnceAsync(CancellationToken.None);
        Assert.That(await CountsAsync(), Is.EqualTo(new long[] { 1, 1, 1, 0 }), "dry-run calls go after 7 days");

        harness.Factory.Time.Advance(TimeSpan.FromDays(180 - 7) - TimeSpan.FromMinutes(2));
        await retention.RunOnceAsync(CancellationToken.None);
        Assert.That(await CountsAsync(), Is.EqualTo(new long[] { 1, 1, 1, 0 }), "kept until 180 days");

        harness.Factory.Time.Advance(TimeSpan.FromMinutes(2));
        await retention.RunOnceAsync(CancellationToken.None);
        Assert.That(await CountsAsync(), Is.EqualTo(new long[] { 0, 0, 0, 0 }));
    }
}
