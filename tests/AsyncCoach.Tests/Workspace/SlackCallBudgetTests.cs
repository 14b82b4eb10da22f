using AsyncCoach.Core.Model;
using AsyncCoach.Workspace;
using Microsoft.Extensions.Time.Testing;

namespace AsyncCoach.Tests.Workspace;

/// <summary>One workspace's lookups stay within its per-minute budget and calls in flight; another workspace's lane is its own.</summary>
public sealed class SlackCallBudgetTests
{
    private static readonly TeamId TeamA = new("T0AAAAAAA");
    private static readonly TeamId TeamB = new("T0BBBBBBB");

    [Test]
    public async Task A_lane_spends_a_minutes_allowance_then_waits_for_the_clock_while_another_team_goes_on()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.Zero));
        var budget = new SlackCallBudget(inFlight: 100, time);
        for (var i = 0; i < 20; i++)
        {
            (await budget.EnterAsync(TeamA, "users.list", perMinute: 20, CancellationToken.None)).Dispose();
        }

        var twentyFirst = budget.EnterAsync(TeamA, "users.list", perMinute: 20, CancellationToken.None);
        var otherTeam = budget.EnterAsync(TeamB, "users.list", perMinute: 20, CancellationToken.None);
        var otherMethod = budget.EnterAsync(TeamA, "users.info", perMinute: 100, CancellationToken.None);

        Assert.That(otherTeam.IsCompletedSuccessfully && otherMethod.IsCompletedSuccessfully, Is.True);
        Assert.That(twentyFirst.IsCompleted, Is.False, "20 a minute: the next token comes 3 s later");
        time.Advance(TimeSpan.FromSeconds(4));
        (await twentyFirst.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Test]
    public async Task No_more_calls_are_in_flight_for_a_team_and_method_than_allowed()
    {
        var time = new FakeTimeProvider();
        var budget = new SlackCallBudget(inFlight: 4, time);
        var held = new List<IDisposable>();
        for (var i = 0; i < 4; i++)
        {
            held.Add(await budget.EnterAsync(TeamA, "users.info", perMinute: 100, CancellationToken.None));
        }

        var fifth = budget.EnterAsync(TeamA, "users.info", perMinute: 100, CancellationToken.None);
        Assert.That(fifth.IsCompleted, Is.False);

        held[0].Dispose();
        (await fifth.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }
}
