using Dapper;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>
/// SQL for slack_api_calls: the Web API calls dry-run made instead of sending them, per team. The
/// request JSON is what would have been sent as arguments; tokens never travel in it.
/// </summary>
public sealed class ApiCallStore(SqliteDatabase database, TimeProvider time) : IApiCallStore
{
    private const string InsertSql = """
        INSERT INTO slack_api_calls (team_id, method, request_json, dry_run, created_at)
        VALUES (@TeamId, @Method, @RequestJson, 1, @Now)
        """;

    public async Task RecordAsync(string teamId, string method, string requestJson, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        await write.Connection.ExecuteAsync(InsertSql,
            new { TeamId = teamId, Method = method, RequestJson = requestJson, Now = time.GetUtcNow() }, write.Transaction);
        await write.CommitAsync(cancellationToken);
    }

    private const string ListSql = "SELECT team_id AS TeamId, method AS Method, request_json AS RequestJson FROM slack_api_calls ORDER BY id";

    public async Task<IReadOnlyList<RecordedApiCall>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RecordedApiCall>(ListSql);
        return rows.AsList();
    }
}
