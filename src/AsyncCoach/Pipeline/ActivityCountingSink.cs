using System.Data.Common;
using AsyncCoach.Core.Rules;
using Microsoft.Data.Sqlite;

namespace AsyncCoach.Pipeline;

/// <summary>
/// The round's sink with its activity counters: the counters are written in the same transaction
/// as the findings and the inbox outcomes, so a round that fails counts nothing and is counted
/// when it is processed again.
/// </summary>
public sealed class ActivityCountingSink(IFindingSink inner, ActivityTally tally) : IFindingSink
{
    public Task AcceptAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken) =>
        inner.AcceptAsync(findings, cancellationToken);

    public Task WriteAsync(SqliteConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        tally.Write(connection, transaction);
        return inner.WriteAsync(connection, transaction, cancellationToken);
    }

    public void Committed()
    {
        tally.Committed();
        inner.Committed();
    }
}
