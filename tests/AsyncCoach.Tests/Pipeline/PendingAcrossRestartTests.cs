using AsyncCoach.Core.Model;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AsyncCoach.Tests.Pipeline;

/// <summary>
/// A bare greeting waits out its grace window before it counts. When the service stops during that
/// window (a deploy, a crash), the wait is not lost: the next process still judges the greeting,
/// and a follow-up that arrives after the restart still cancels it.
/// </summary>
public sealed class PendingAcrossRestartTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private const string PendingRows = "SELECT COUNT(*) FROM pending_findings";
    private const string GreetingFindings = "SELECT COUNT(*) FROM findings WHERE rule_id = 'missing-context'";

    [Test]
    public async Task A_greeting_pending_when_the_service_stopped_is_recorded_after_the_restart_once_its_window_passes()
    {
        var database = await GreetThenStopAsync("EvHiR1", "D10", "U10");
        await using var second = new AsyncCoachFactory(database, T0.AddSeconds(30));
        using var client = second.CreateRealClient();

        await UntilAsync(second, TimeSpan.FromSeconds(65), async () => await Count(database, GreetingFindings) == 1);

        Assert.That(await Count(database, PendingRows), Is.Zero);
        Assert.That(await TestDatabase.ScalarAsync<string>(database, "SELECT author_id || '|' || channel_id FROM findings"), Is.EqualTo("U10|D10"));
    }

    [Test]
    public async Task A_follow_up_after_the_restart_still_cancels_the_greeting()
    {
        var database = await GreetThenStopAsync("EvHiR2", "D11", "U11");
        await using var second = new AsyncCoachFactory(database, T0.AddSeconds(10));
        using var client = second.CreateRealClient();

        using (var ask = await client.SendAsync(second.SignedRequest("/slack/events",
            Payloads.MessageEvent("EvAskR2", text: "could you send me the Q3 numbers by Friday?", channel: "D11", channelType: "im", user: "U11",
                ts: MessageTs.FromInstant(T0.AddSeconds(20)).Value))))
        {
            Assert.That((int)ask.StatusCode, Is.EqualTo(200));
        }

        await second.Processed.WaitForAsync(1);
        await UntilAsync(second, TimeSpan.FromSeconds(120), async () => await Count(database, PendingRows) == 0);

        Assert.That(await Count(database, GreetingFindings), Is.Zero);
    }

    /// <summary>A bare "hi" in a DM at <see cref="T0"/>, processed (so pending and stored as such), then the service stops.</summary>
    private static async Task<string> GreetThenStopAsync(string eventId, string channel, string user)
    {
        await using var first = new AsyncCoachFactory(startTime: T0);
        using var client = first.CreateRealClient();
        using (var hi = await client.SendAsync(first.SignedRequest("/slack/events",
            Payloads.MessageEvent(eventId, text: "hi", channel: channel, channelType: "im", user: user, ts: MessageTs.FromInstant(T0).Value))))
        {
            Assert.That((int)hi.StatusCode, Is.EqualTo(200));
        }

        await first.Processed.WaitForAsync(1);

        // Stopped before the factory's disposal moves its clock on (which would let this process
        // judge the greeting itself), as a deploy stops it: nothing judged yet, the wait stored.
        var lifetime = first.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStopped.Register(() => stopped.TrySetResult());
        lifetime.StopApplication();
        await stopped.Task.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.That(await Count(first.DatabasePath, PendingRows), Is.EqualTo(1), "the greeting waits, and the wait is stored");
        Assert.That(await Count(first.DatabasePath, GreetingFindings), Is.Zero);
        return first.DatabasePath;
    }

    /// <summary>Moves the clock on once, then waits (on idle rounds, with a deadline) until <paramref name="done"/> holds.</summary>
    private static async Task UntilAsync(AsyncCoachFactory factory, TimeSpan advance, Func<Task<bool>> done)
    {
        factory.Time.Advance(advance);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await done())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "not within 15 s");
            var idle = factory.Processed.WaitForIdleRoundAsync();
            factory.Time.Advance(TimeSpan.FromSeconds(1));
            await idle;
        }
    }

    private static Task<long> Count(string database, string sql) => TestDatabase.ScalarAsync<long>(database, sql);
}
