using AsyncCoach.Core.Rules;
using AsyncCoach.Storage;

namespace AsyncCoach.Pipeline;

/// <summary>Records findings; nothing more.</summary>
public sealed class RecordingFindingSink(IFindingStore store) : IFindingSink
{
    private readonly List<Finding> _staged = [];

    public Task AcceptAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        _staged.AddRange(findings);
        return Task.CompletedTask;
    }

    public async Task WriteAsync(IStorageTransaction transaction, CancellationToken cancellationToken)
    {
        if (_staged.Count > 0)
        {
            await store.AddAsync(transaction, _staged, cancellationToken);
        }
    }

    public void Committed() => _staged.Clear();
}
