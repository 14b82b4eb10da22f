using AsyncCoach.Core.Rules;
using AsyncCoach.Storage;

namespace AsyncCoach.Pipeline;

/// <summary>
/// The round's view of <see cref="IFindingStore"/>: findings written in the round's transaction are
/// inserted one call each, so the round's <see cref="FindingCountTally"/> counts exactly the rows
/// that were new (a finding already stored, say for a message seen again, is not counted twice).
/// The store runs one INSERT per finding either way; a call per finding only adds the call.
/// Everything else passes through.
/// </summary>
public sealed class CountingFindingStore(IFindingStore inner, FindingCountTally tally) : IFindingStore
{
    public Task<int> AddAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken) =>
        inner.AddAsync(findings, cancellationToken);

    public async Task<int> AddAsync(IStorageTransaction transaction, IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        var added = 0;
        var one = new Finding[1];
        foreach (var finding in findings)
        {
            one[0] = finding;
            if (await inner.AddAsync(transaction, one, cancellationToken) == 1)
            {
                tally.Inserted(finding);
                added++;
            }
        }

        return added;
    }

    public Task<IReadOnlyDictionary<string, long>> CountByRuleAsync(string teamId, string? authorId, DateTimeOffset since, CancellationToken cancellationToken) =>
        inner.CountByRuleAsync(teamId, authorId, since, cancellationToken);

    public Task<IReadOnlyList<RuleWeeks>> WeeklyByRuleAsync(string teamId, string authorId, DateTimeOffset until, CancellationToken cancellationToken) =>
        inner.WeeklyByRuleAsync(teamId, authorId, until, cancellationToken);

    public Task<IReadOnlyList<StoredFinding>> ForMessageAsync(string teamId, string channelId, string messageTs, CancellationToken cancellationToken) =>
        inner.ForMessageAsync(teamId, channelId, messageTs, cancellationToken);
}
