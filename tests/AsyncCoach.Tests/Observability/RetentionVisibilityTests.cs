using System.Diagnostics.Metrics;
using AsyncCoach.Core.Model;
using AsyncCoach.Inbox;
using AsyncCoach.Installations;
using AsyncCoach.Observability;
using AsyncCoach.Tests.Infrastructure;
using AsyncCoach.Tests.Installations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AsyncCoach.Tests.Observability;

/// <summary>Each retention pass says what it deleted, per table and with its cut-offs, in the log and the metric.</summary>
public sealed class RetentionVisibilityTests
{
    [Test]
    public async Task A_retention_pass_logs_and_counts_the_rows_it_deleted_per_table()
    {
        var logs = new FakeLogCollector();
        await using var harness = await InstallHarness.StartAsync(f => f.WithServices(s => s.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(logs))));
        var body = Payloads.MessageEvent("EvRetained", text: "can you send me the Q3 numbers asap", channel: "C0CHAN001", user: "U0AUTHOR1",
            ts: MessageTs.FromInstant(harness.Factory.Time.GetUtcNow()).Value, team: "T0DRYRUN");
        using (var response = await harness.Client.SendAsync(harness.Factory.SignedRequest("/slack/events", body)))
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
        }

        await harness.Attempts.WaitForAsync(1);
        using var deleted = new MetricCollector<long>(
            harness.Factory.Services.GetRequiredService<IMeterFactory>(), AsyncCoachMetrics.MeterName, "asynccoach.retention.deleted");

        harness.Factory.Time.Advance(TimeSpan.FromDays(181));
        await harness.Factory.Services.GetRequiredService<RetentionPass>().RunOnceAsync(CancellationToken.None);

        var byTable = deleted.GetMeasurementSnapshot()
            .GroupBy(m => (string)m.Tags["table"]!)
            .ToDictionary(g => g.Key, g => g.Sum(m => m.Value));
        Assert.That(byTable, Does.ContainKey("findings").WithValue(1));
        Assert.That(byTable, Does.ContainKey("nudges").WithValue(1));
        Assert.That(byTable, Does.ContainKey("nudge_attempts").WithValue(1));
        Assert.That(byTable, Does.ContainKey("slack_api_calls"));
        // The pass's own timer may run one beside this call, on the same clock: the rows go in one of them.
        var pass = logs.GetSnapshot().Single(r => r.Id.Id == 3201 && r.Message.Contains("findings 1", StringComparison.Ordinal));
        Assert.That(pass.Message, Does.Contain("nudges 1").And.Contain("nudge_attempts 1"));
        var cutOff = harness.Factory.Time.GetUtcNow().AddDays(-180);
        Assert.That(pass.StructuredState!.Single(p => p.Key == "DataBefore").Value, Is.EqualTo(cutOff.ToString()));
    }

    [Test]
    public async Task The_inbox_purge_counts_its_rows_under_the_inbox_table()
    {
        await using var factory = new AsyncCoachFactory();
        using var client = factory.CreateRealClient();
        using (var response = await client.SendAsync(factory.SignedRequest("/slack/events", Payloads.MessageEvent("EvPurged"))))
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
        }

        await factory.Processed.WaitForAsync(1);
        using var deleted = new MetricCollector<long>(factory.Services.GetRequiredService<IMeterFactory>(), AsyncCoachMetrics.MeterName, "asynccoach.retention.deleted");
        // Its own timer (every ten minutes on the fake clock) runs the purge once the clock moves.
        var run = factory.Services.GetRequiredService<InboxRetention>().NextRun;
        factory.Time.Advance(TimeSpan.FromDays(3));

        var rows = await run.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.That(rows, Is.EqualTo(1));
        // The daily pass may run on the same clock move; its tables are others.
        var inbox = deleted.GetMeasurementSnapshot().Where(m => (string?)m.Tags["table"] == "inbox").ToList();
        Assert.That(inbox.Sum(m => m.Value), Is.EqualTo(1));
    }
}
