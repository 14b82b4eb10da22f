using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using AsyncCoach.Pipeline;
using AsyncCoach.Storage;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.Inbox;

/// <summary>A processor round is one transaction: its findings and its rows' outcomes land together or not at all.</summary>
public sealed class RoundAtomicityTests
{
    [Test]
    public async Task A_round_that_fails_before_its_commit_leaves_nothing_behind_and_is_processed_again()
    {
        var failures = new FailFirstWrite();
        await using var factory = new AsyncCoachFactory().WithServices(services =>
            services.AddScoped<IFindingSink>(sp => new FailingSink(new RecordingFindingSink(sp.GetRequiredService<IFindingStore>()), failures)));
        using var client = factory.CreateRealClient();
        var ts = MessageTs.FromInstant(factory.Time.GetUtcNow()).Value;

        using var response = await client.SendAsync(factory.SignedRequest("/slack/events",
            Payloads.MessageEvent("EvAtomic", text: "can we hop on a call about the migration?", channel: "C77", user: "U5", ts: ts)));
        await failures.Failed.WaitAsync(TimeSpan.FromSeconds(15));

        // The findings were written inside the round's transaction, which never committed.
        Assert.That(await TestDatabase.ScalarAsync<long>(factory.DatabasePath, "SELECT COUNT(*) FROM findings"), Is.Zero);
        // Nor the event's row, nor the journal position: the event is still the journal's to process.
        Assert.That(await TestDatabase.InboxAsync(factory.DatabasePath), Is.Empty);
        Assert.That(await TestDatabase.ScalarAsync<long>(factory.DatabasePath, "SELECT processed_up_to FROM inbox_journal"), Is.Zero);

        factory.Time.Advance(TimeSpan.FromSeconds(1));
        await factory.Processed.WaitForAsync(1);

        Assert.That(await TestDatabase.ScalarAsync<string>(factory.DatabasePath, "SELECT group_concat(rule_id) FROM findings"),
            Is.EqualTo("huddle-instead-of-thread"));
        var done = (await TestDatabase.InboxAsync(factory.DatabasePath)).Single();
        Assert.That((done.State, done.Payload), Is.EqualTo(("done", (byte[]?)null)));
        factory.DeleteDatabase();
    }

    private sealed class FailFirstWrite
    {
        private readonly TaskCompletionSource _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _writes;

        public Task Failed => _failed.Task;

        public bool ShouldFail() => Interlocked.Increment(ref _writes) == 1;

        public void Report() => _failed.TrySetResult();
    }

    /// <summary>Writes through the real sink, then fails the first round after its writes, as a crash before the commit would.</summary>
    private sealed class FailingSink(IFindingSink inner, FailFirstWrite state) : IFindingSink
    {
        private bool _staged;

        public Task AcceptAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
        {
            _staged |= findings.Count > 0;
            return inner.AcceptAsync(findings, cancellationToken);
        }

        public async Task WriteAsync(IStorageTransaction transaction, CancellationToken cancellationToken)
        {
            await inner.WriteAsync(transaction, cancellationToken);
            if (_staged && state.ShouldFail())
            {
                state.Report();
                throw new InvalidOperationException("the round failed before its commit");
            }
        }

        public void Committed() => inner.Committed();
    }
}
