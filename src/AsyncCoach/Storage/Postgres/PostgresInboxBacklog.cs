using AsyncCoach.Inbox;
using Npgsql;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// The inbox's backlog on PostgreSQL: the pending rows all instances share (the same figure on
/// each instance), read through the partial index on pending rows. A database that cannot be
/// read leaves the last figure standing rather than failing the metrics collection.
/// </summary>
public sealed class PostgresInboxBacklog(PostgresDatabase database) : IInboxBacklog
{
    private const string BacklogSql = "SELECT count(*), min(received_at) FROM inbox WHERE state = 'pending'";

    private readonly Lock _gate = new();
    private InboxBacklog _last;

    public InboxBacklog Read()
    {
        try
        {
            using var connection = database.Open();
            using var command = new NpgsqlCommand(BacklogSql, connection);
            using var reader = command.ExecuteReader();
            reader.Read();
            var read = new InboxBacklog(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1));
            lock (_gate)
            {
                _last = read;
            }
        }
        catch (NpgsqlException)
        {
            // Keep the last figure: a scrape must not fail because the database is away for a moment.
        }

        lock (_gate)
        {
            return _last;
        }
    }
}
