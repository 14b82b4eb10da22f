namespace AsyncCoach.Storage.Postgres;

/// <summary>The Web API calls dry-run recorded, on PostgreSQL.</summary>
public sealed class PostgresApiCallStore(PostgresDatabase database, TimeProvider time) : IApiCallStore
{
    private const string InsertSql = """
        INSERT INTO slack_api_calls (team_id, method, request_json, dry_run, created_at)
        VALUES (@TeamId, @Method, @RequestJson, true, @Now)
        """;

    public async Task RecordAsync(string teamId, string method, string requestJson, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Pg.Command(connection, InsertSql)
            .With("TeamId", teamId).With("Method", method).With("RequestJson", requestJson).WithInstant("Now", time.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private const string ListSql = "SELECT team_id, method, request_json FROM slack_api_calls ORDER BY id";

    public async Task<IReadOnlyList<RecordedApiCall>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Pg.Command(connection, ListSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var calls = new List<RecordedApiCall>();
        while (await reader.ReadAsync(cancellationToken))
        {
            calls.Add(new RecordedApiCall(reader.TextOrNull(0), reader.GetString(1), reader.GetString(2)));
        }

        return calls;
    }
}
