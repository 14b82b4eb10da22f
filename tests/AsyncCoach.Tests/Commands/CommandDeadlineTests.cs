using AsyncCoach.Commands;
using AsyncCoach.Slack.Commands;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.Commands;

/// <summary>A command slower than the 2.5 s budget is acknowledged in time and answered through its response_url.</summary>
public sealed class CommandDeadlineTests
{
    [Test]
    public async Task A_slow_command_is_acknowledged_at_the_budget_and_answered_through_the_response_url()
    {
        var slow = new SlowHandler();
        await using var harness = await CommandHarness.StartAsync(services => services.AddScoped<ISlashCommandHandler>(_ => slow));

        var pending = harness.SendAsync("stats");
        await slow.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(pending.IsCompleted, Is.False, "no answer before the budget is spent");

        harness.Factory.Time.Advance(CommandRunner.Budget);
        var ack = await pending.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That((string?)ack["response_type"], Is.EqualTo("ephemeral"));
        Assert.That((string?)ack["text"], Is.EqualTo(CommandRunner.WorkingOnIt));
        Assert.That(harness.Slack.CallsTo("hooks/command"), Is.Empty, "nothing posted before the work is done");

        slow.Finish.SetResult(CommandReply.Ephemeral("the real answer"));
        var body = await harness.PostedToAsync("command");

        Assert.That((string?)body["text"], Is.EqualTo("the real answer"));
        Assert.That((string?)body["response_type"], Is.EqualTo("ephemeral"));
    }

    [Test]
    public async Task A_failing_command_gets_a_polite_answer_not_an_error_status()
    {
        await using var harness = await CommandHarness.StartAsync(services => services.AddScoped<ISlashCommandHandler, FailingHandler>());

        var reply = await harness.EphemeralTextAsync("stats");

        Assert.That(reply, Does.StartWith("Sorry, something went wrong").And.Contain("nothing was changed"));
    }

    private sealed class SlowHandler : ISlashCommandHandler
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<CommandReply> Finish { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<CommandReply> HandleAsync(SlashCommand command, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            return Finish.Task;
        }
    }

    private sealed class FailingHandler : ISlashCommandHandler
    {
        public Task<CommandReply> HandleAsync(SlashCommand command, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("boom");
    }
}
