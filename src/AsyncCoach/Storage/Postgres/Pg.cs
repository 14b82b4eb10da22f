using Npgsql;

namespace AsyncCoach.Storage.Postgres;

/// <summary>Typed parameters for the PostgreSQL stores' commands (no boxing, no reflection).</summary>
internal static class Pg
{
    public static NpgsqlCommand Command(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null) =>
        new(sql, connection, transaction);

    public static NpgsqlCommand With<T>(this NpgsqlCommand command, string name, T value)
    {
        command.Parameters.Add(new NpgsqlParameter<T>(name, value));
        return command;
    }

    /// <summary>An instant for a <c>timestamptz</c>: Npgsql writes only UTC offsets there.</summary>
    public static NpgsqlCommand WithInstant(this NpgsqlCommand command, string name, DateTimeOffset value) =>
        command.With(name, value.ToUniversalTime());

    public static NpgsqlCommand WithInstant(this NpgsqlCommand command, string name, DateTimeOffset? value) =>
        value is { } instant
            ? command.With(name, instant.ToUniversalTime())
            : command.WithNull(name, NpgsqlTypes.NpgsqlDbType.TimestampTz);

    public static NpgsqlCommand WithText(this NpgsqlCommand command, string name, string? value) =>
        value is null ? command.WithNull(name, NpgsqlTypes.NpgsqlDbType.Text) : command.With(name, value);

    public static NpgsqlCommand WithTextArray(this NpgsqlCommand command, string name, string[]? values) =>
        values is null ? command.WithNull(name, NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) : command.With(name, values);

    private static NpgsqlCommand WithNull(this NpgsqlCommand command, string name, NpgsqlTypes.NpgsqlDbType type)
    {
        command.Parameters.Add(new NpgsqlParameter(name, type) { Value = DBNull.Value });
        return command;
    }

    public static string? TextOrNull(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTimeOffset Instant(this NpgsqlDataReader reader, int ordinal) =>
        reader.GetFieldValue<DateTimeOffset>(ordinal);

    /// <summary>Runs a query of one text column and disposes the command; the values in order.</summary>
    public static async Task<IReadOnlyList<string>> ReadStringsAsync(this NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var values = new List<string>();
            while (await reader.ReadAsync(cancellationToken))
            {
                values.Add(reader.GetString(0));
            }

            return values;
        }
    }

    public static DateTimeOffset? InstantOrNull(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
