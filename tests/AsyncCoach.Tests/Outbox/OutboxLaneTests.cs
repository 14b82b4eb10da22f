using System.Collections.Concurrent;
using AsyncCoach.Nudges;
using AsyncCoach.Storage;

namespace AsyncCoach.Tests.Outbox;

/// <summary>
/// One team's lane on its own: a row handed to a free call slot starts on the caller's thread
/// (no worker to wake), at most <c>sends</c> calls run at once, a call that ends takes the next
/// queued row, and a closed lane still puts its queued rows through <c>send</c> before it completes.
/// </summary>
public sealed class OutboxLaneTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Test]
    public void A_row_that_finds_a_free_slot_starts_on_the_thread_that_hands_it_over()
    {
        var sends = new Sends();
        var lane = sends.Lane(slots: 2);
        var caller = Environment.CurrentManagedThreadId;

        Assert.That(lane.TryEnqueue(Row(1)), Is.True);
        Assert.That(sends.Started, Is.Empty, "queuing alone starts no call");
        lane.Pump();

        Assert.That(sends.Started.Single(), Is.EqualTo((1L, caller)));
    }

    [Test]
    public async Task No_more_calls_run_than_the_lane_has_slots_and_an_ended_call_takes_the_next_row()
    {
        var sends = new Sends();
        var lane = sends.Lane(slots: 2);
        foreach (var id in new long[] { 1, 2, 3 })
        {
            lane.TryEnqueue(Row(id));
        }

        lane.Pump();
        Assert.That(sends.Started.Select(s => s.Id), Is.EqualTo(new long[] { 1, 2 }));
        Assert.That(lane.IsIdle, Is.False);

        sends.End(1);
        await sends.WaitForStartAsync(3);
        Assert.That(sends.Started.Select(s => s.Id), Is.EqualTo(new long[] { 1, 2, 3 }));

        sends.End(2);
        sends.End(3);
        await sends.WaitForFinishedAsync(3);
        Assert.That(lane.IsIdle, Is.True);
    }

    [Test]
    public async Task A_closed_lane_takes_no_row_but_sends_those_queued_before_it_completes()
    {
        var sends = new Sends();
        var lane = sends.Lane(slots: 1);
        lane.TryEnqueue(Row(1));
        lane.TryEnqueue(Row(2));
        lane.Pump();

        lane.Close();

        Assert.That(lane.TryEnqueue(Row(3)), Is.False);
        Assert.That(lane.Completion.IsCompleted, Is.False, "row 1 is mid-call, row 2 queued");
        sends.End(1);
        await sends.WaitForStartAsync(2);
        Assert.That(lane.Completion.IsCompleted, Is.False, "row 2 is mid-call");
        sends.End(2);
        await lane.Completion.WaitAsync(Patience);
        Assert.That(sends.Started.Select(s => s.Id), Is.EqualTo(new long[] { 1, 2 }));
    }

    [Test]
    public async Task An_idle_lane_completes_as_it_is_closed()
    {
        var sends = new Sends();
        var lane = sends.Lane(slots: 2);

        lane.Close();

        await lane.Completion.WaitAsync(Patience);
        Assert.That(lane.TryEnqueue(Row(1)), Is.False);
    }

    [Test]
    public async Task A_row_that_stops_the_lane_closes_it_and_the_queued_rows_still_go_through_send()
    {
        var sends = new Sends();
        var lane = sends.Lane(slots: 1);
        lane.TryEnqueue(Row(1));
        lane.TryEnqueue(Row(2));
        lane.Pump();

        sends.End(1, goOn: false);
        await sends.WaitForStartAsync(2);

        Assert.That(lane.IsStopped, Is.True);
        Assert.That(lane.TryEnqueue(Row(3)), Is.False);
        sends.End(2);
        await lane.Completion.WaitAsync(Patience);
    }

    [Test]
    public async Task A_send_that_throws_is_reported_and_the_lane_goes_on()
    {
        var sends = new Sends();
        var lane = sends.Lane(slots: 1);
        lane.TryEnqueue(Row(1));
        lane.TryEnqueue(Row(2));
        lane.Pump();

        sends.Fail(1, new InvalidOperationException("boom"));
        await sends.WaitForStartAsync(2);
        sends.End(2);
        await sends.WaitForFinishedAsync(2);

        Assert.That(sends.Failures.Single(), Is.EqualTo(1L));
        Assert.That(lane.IsStopped, Is.False);
    }

    private static OutboxRow Row(long id) =>
        new(id, "T1", "C1", "1.0", null, "U1", "ephemeral", "{}", IOutboxStore.Sending, 0, DateTimeOffset.MaxValue);

    // A send per row that ends when the test says; what started (row, thread) and finished, with signals to wait on.
    private sealed class Sends
    {
        private readonly ConcurrentDictionary<long, TaskCompletionSource<bool>> _calls = new();
        private readonly ConcurrentQueue<(long Id, int Thread)> _started = new();
        private readonly ConcurrentQueue<long> _finished = new();
        private readonly ConcurrentQueue<long> _failures = new();
        private readonly SemaphoreSlim _startedSignal = new(0);
        private readonly SemaphoreSlim _finishedSignal = new(0);

        public IReadOnlyList<(long Id, int Thread)> Started => [.. _started];

        public IReadOnlyList<long> Failures => [.. _failures];

        public OutboxLane Lane(int slots) =>
            new(SendAsync, (id, _) => _failures.Enqueue(id), (id, _) => { _finished.Enqueue(id); _finishedSignal.Release(); }, slots, CancellationToken.None);

        public void End(long id, bool goOn = true) => Call(id).SetResult(goOn);

        public void Fail(long id, Exception exception) => Call(id).SetException(exception);

        public Task WaitForStartAsync(int count) => WaitAsync(_startedSignal, () => _started.Count >= count);

        public Task WaitForFinishedAsync(int count) => WaitAsync(_finishedSignal, () => _finished.Count >= count);

        private TaskCompletionSource<bool> Call(long id) => _calls.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

        private Task<bool> SendAsync(OutboxRow row, CancellationToken cancellationToken)
        {
            _started.Enqueue((row.Id, Environment.CurrentManagedThreadId));
            _startedSignal.Release();
            return Call(row.Id).Task;
        }

        private static async Task WaitAsync(SemaphoreSlim signal, Func<bool> reached)
        {
            using var deadline = new CancellationTokenSource(Patience);
            while (!reached())
            {
                await signal.WaitAsync(deadline.Token);
            }
        }
    }
}
