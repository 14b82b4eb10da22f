using System.Data.Common;
using AsyncCoach.Installations;

namespace AsyncCoach.Nudges;

/// <summary>
/// Faults of our own side that a later attempt may not meet: the database (a PostgreSQL
/// fail-over, a locked SQLite file, a full disk), the token look-up, a timeout. A row that met
/// one before anything reached Slack is tried again with the usual backoff rather than ended
/// (docs/outbox.md, "Faults before the call").
/// </summary>
internal static class OutboxFaults
{
    /// <summary>The attempt's outcome for a transient fault (<c>database_error</c>, <c>token_unavailable</c>, …), or null for any other exception.</summary>
    public static string? Transient(Exception exception) => exception switch
    {
        TokenUnavailableException => "token_unavailable",
        DbException => "database_error",
        TimeoutException => "timeout",
        IOException => "io_error",
        _ => null,
    };
}
