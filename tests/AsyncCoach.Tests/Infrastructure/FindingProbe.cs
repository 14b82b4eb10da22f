using AsyncCoach.Core.Rules;
using AsyncCoach.Pipeline;
using AsyncCoach.Storage;

namespace AsyncCoach.Tests.Infrastructure;

/// <summary>Wraps the real finding sink and lets a test await findings instead of sleeping.</summary>
public sealed class FindingProbe
{
    private readonly List<Finding> _findings = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<Finding> Findings
    {
        get
        {
            lock (_gate)
            {
                return [.. _findings];
            }
        }
    }

    public IFindingSink Wrap(IFindingSink inner) => new Sink(inner, this);

    public async Task<IReadOnlyList<Finding>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_findings.Count >= count)
                {
                    return [.. _findings];
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cts.Token);
        }
    }

    private void Add(IReadOnlyList<Finding> findings)
    {
        lock (_gate)
        {
            _findings.AddRange(findings);
            var previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            previous.TrySetResult();
        }
    }

    /// <summary>Publishes findings once the inner sink's transaction is committed, so a test that wakes on them sees them stored.</summary>
    private sealed class Sink(IFindingSink inner, FindingProbe probe) : IFindingSink
    {
        private readonly List<Finding> _staged = [];

        public async Task AcceptAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
        {
            await inner.AcceptAsync(findings, cancellationToken);
            _staged.AddRange(findings);
        }

        public Task WriteAsync(IStorageTransaction transaction, CancellationToken cancellationToken) =>
            inner.WriteAsync(transaction, cancellationToken);

        public void Committed()
        {
            inner.Committed();
            if (_staged.Count > 0)
            {
                probe.Add(_staged);
                _staged.Clear();
            }
        }
    }
}
