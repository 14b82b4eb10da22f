using System.Text.Json.Nodes;
using AsyncCoach.Core.Model;
using AsyncCoach.Installations;
using AsyncCoach.Storage;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.Installations;

/// <summary>The retention pass keeps each team's data for its own retention_days norm, else Retention:DataDays, on the fake clock.</summary>
public sealed class TeamRetentionTests
{
    private static readonly string[] Teams = ["T0SHORT", "T0DEFAULT", "T0LONG"];

    [Test]
    public async Task Each_team_keeps_its_findings_and_nudge_history_for_its_own_retention_days()
    {
        // No installation for these teams: dry-run, so each nudge is a recorded call.
        await using var harness = await InstallHarness.StartAsync();
        var start = harness.Factory.Time.GetUtcNow();
        var norms = harness.Factory.Services.GetRequiredService<INormsStore>();
        await norms.SetAsync("T0SHORT", "retention_days", JsonValue.Create(30), "U0LEAD", CancellationToken.None);
        await norms.SetAsync("T0LONG", "retention_days", JsonValue.Create(365), "U0LEAD", CancellationToken.None);
        foreach (var team in Teams)
        {
            var body = Payloads.MessageEvent("Ev" + team, text: "can you send me the Q3 numbers asap", channel: "C0CHAN001", user: "U0AUTHOR1",
                ts: MessageTs.FromInstant(harness.Factory.Time.GetUtcNow()).Value, team: team);
            using var response = await harness.Client.SendAsync(harness.Factory.SignedRequest("/slack/events", body));
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
        }

        await harness.Attempts.WaitForAsync(Teams.Length);
        var retention = harness.Factory.Services.GetRequiredService<RetentionPass>();
        async Task<string[]> KeptAsync() =>
        [
            .. await harness.QueryAsync<string>("""
                SELECT t.team_id || ':' || (SELECT count(*) FROM findings f WHERE f.team_id = t.team_id)
                    || ',' || (SELECT count(*) FROM nudges n WHERE n.team_id = t.team_id)
                    || ',' || (SELECT count(*) FROM nudge_attempts a JOIN nudges n ON n.id = a.nudge_id WHERE n.team_id = t.team_id)
                FROM (SELECT 'T0SHORT' AS team_id UNION ALL SELECT 'T0DEFAULT' UNION ALL SELECT 'T0LONG') t
                """),
        ];
        Assert.That(await KeptAsync(), Is.EqualTo(new[] { "T0SHORT:1,1,1", "T0DEFAULT:1,1,1", "T0LONG:1,1,1" }));

        async Task<string[]> AfterAsync(int days)
        {
            harness.Factory.Time.SetUtcNow(start + TimeSpan.FromDays(days));
            await retention.RunOnceAsync(CancellationToken.None);
            return await KeptAsync();
        }

        Assert.That(await AfterAsync(29), Is.EqualTo(new[] { "T0SHORT:1,1,1", "T0DEFAULT:1,1,1", "T0LONG:1,1,1" }));
        Assert.That(await AfterAsync(31), Is.EqualTo(new[] { "T0SHORT:0,0,0", "T0DEFAULT:1,1,1", "T0LONG:1,1,1" }), "30 days for T0SHORT");
        Assert.That(await AfterAsync(181), Is.EqualTo(new[] { "T0SHORT:0,0,0", "T0DEFAULT:0,0,0", "T0LONG:1,1,1" }), "Retention:DataDays (180) for a team without the norm");
        Assert.That(await AfterAsync(364), Is.EqualTo(new[] { "T0SHORT:0,0,0", "T0DEFAULT:0,0,0", "T0LONG:1,1,1" }), "a longer norm outlives the default");
        Assert.That(await AfterAsync(366), Is.EqualTo(new[] { "T0SHORT:0,0,0", "T0DEFAULT:0,0,0", "T0LONG:0,0,0" }));
    }

    [Test]
    public async Task Retention_DataDays_is_the_default_for_teams_without_the_norm()
    {
        await using var harness = await InstallHarness.StartAsync(f => f.With("Retention:DataDays", "10"));
        var body = Payloads.MessageEvent("EvDefault", text: "can you send me the Q3 numbers asap", channel: "C0CHAN001", user: "U0AUTHOR1",
            ts: MessageTs.FromInstant(harness.Factory.Time.GetUtcNow()).Value, team: "T0DEFAULT");
        using (var response = await harness.Client.SendAsync(harness.Factory.SignedRequest("/slack/events", body)))
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
        }

        await harness.Attempts.WaitForAsync(1);
        harness.Factory.Time.Advance(TimeSpan.FromDays(10) + TimeSpan.FromMinutes(1));
        await harness.Factory.Services.GetRequiredService<RetentionPass>().RunOnceAsync(CancellationToken.None);

        Assert.That(await harness.QueryAsync<long>("SELECT count(*) FROM findings UNION ALL SELECT count(*) FROM nudges"), Is.EqualTo(new[] { 0L, 0L }));
    }
}
