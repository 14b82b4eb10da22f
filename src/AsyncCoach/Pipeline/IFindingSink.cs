using AsyncCoach.Core.Rules;

namespace AsyncCoach.Pipeline;

/// <summary>Where final findings go: recorded, and (with nudges) turned into at most one nudge per message.</summary>
public interface IFindingSink
{
    Task AcceptAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken);
}
