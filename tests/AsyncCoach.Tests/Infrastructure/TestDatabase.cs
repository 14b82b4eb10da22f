using Dapper;
using Microsoft.Data.Sqlite;

namespace AsyncCoach.Tests.Infrastructure;

/// <summary>Reads the service's real SQLite file, for assertions on what was stored.</summary>
public static class TestDatabase
{
    public static async Task<List<InboxRow>> InboxAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        var rows = await connection.QueryAsync<InboxRow>(
            "SELECT event_id AS EventId, channel_id AS ChannelId, event_type AS EventType, state AS State, payload AS Payload, attempts AS Attempts FROM inbox ORDER BY id");
        return rows.AsList();
    }

    public static async Task<T> ScalarAsync<T>(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        return await connection.ExecuteScalarAsync<T>(sql) ?? throw new InvalidOperationException("no value");
    }

    /// <summary>Changes the file behind the service's back (a trigger that makes writes fail, say).</summary>
    public static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.ExecuteAsync(sql);
    }
}

public sealed record InboxRow(string EventId, string? ChannelId, string EventType, string State, byte[]? Payload, long Attempts);
