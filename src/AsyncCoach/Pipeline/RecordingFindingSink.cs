using AsyncCoach.Core.Rules;
using AsyncCoach.Storage;

namespace AsyncCoach.Pipeline;

/// <summary>Records findings; nothing more.</summary>
public sealed class RecordingFindingSink(FindingStore store) : IFindingSink
{
    public Task AcceptAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken) =>
        store.AddAsync(findings, cancellationToken);
}
