namespace AsyncCoach.Tests.Providers;

/// <summary>Rows of the stores another suite covers, written as plain SQL both providers take, for the suites that read or delete them.</summary>
public sealed class StoreRows(ProviderUnderTest provider)
{
    // Unique message timestamps across every suite's rows (a suite makes a StoreRows per use).
    private static int _ts;

    public Task FindingAsync(string team, string channel, string rule, string author, DateTimeOffset at, DateTimeOffset? created = null) =>
        provider.ExecuteAsync($"""
            INSERT INTO findings (team_id, channel_id, message_ts, rule_id, author_id, at, evidence_json, recipients_json, created_at)
            VALUES ('{team}', '{channel}', '{Interlocked.Increment(ref _ts)}.000100', '{rule}', '{author}', {ProviderUnderTest.At(at)}, '[]', '[]', {ProviderUnderTest.At(created ?? at)})
            """);

    /// <summary>
    /// Rebuilds the digest's findings and nudge counters from the rows written here (the service
    /// keeps them as it writes findings and sends nudges; plain rows bypass that), with the same
    /// statements as the migrations' backfills, in the provider's dialect.
    /// </summary>
    public async Task RecountDigestCountersAsync()
    {
        await provider.ExecuteAsync("DELETE FROM finding_counts");
        await provider.ExecuteAsync("DELETE FROM nudge_counts");
        var hour = provider.IsPostgres ? "date_trunc('hour', {0} AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'" : "substr({0}, 1, 13) || ':00:00.0000000Z'";
        var findingHour = string.Format(System.Globalization.CultureInfo.InvariantCulture, hour, "at");
        var sentHour = string.Format(System.Globalization.CultureInfo.InvariantCulture, hour, "n.sent_at");
        foreach (var channel in new[] { "''", "channel_id" })
        {
            await provider.ExecuteAsync($"""
                INSERT INTO finding_counts (team_id, channel_id, hour, rule_id, findings)
                SELECT team_id, {channel}, {findingHour}, rule_id, COUNT(*) FROM findings GROUP BY 1, 2, 3, 4
                """);
            await provider.ExecuteAsync($"""
                INSERT INTO nudge_counts (team_id, channel_id, hour, rule_id, delivered, thanks, not_helpful)
                SELECT n.team_id, {channel.Replace("channel_id", "n.channel_id", StringComparison.Ordinal)}, {sentHour}, r.rule_id, COUNT(*),
                       SUM(CASE WHEN EXISTS (SELECT 1 FROM nudge_feedback f WHERE f.nudge_id = n.id AND f.kind = 'thanks') THEN 1 ELSE 0 END),
                       SUM(CASE WHEN EXISTS (SELECT 1 FROM nudge_feedback f WHERE f.nudge_id = n.id AND f.kind = 'not_helpful') THEN 1 ELSE 0 END)
                FROM nudges n JOIN nudge_rules r ON r.nudge_id = n.id
                WHERE n.state = 'sent' AND n.kind = 'nudge' AND n.sent_at IS NOT NULL
                GROUP BY 1, 2, 3, 4
                """);
        }
    }

    /// <summary>An outbox row of <paramref name="kind"/> for <paramref name="author"/> (its recipient); sent at <paramref name="sentAt"/> when state is 'sent'.</summary>
    public async Task<long> NudgeAsync(
        string team, string channel, string author, string state, DateTimeOffset created, DateTimeOffset? sentAt = null, string kind = "nudge",
        string? rule = null, string? feedback = null, string? feedbackBy = null)
    {
        var sent = sentAt is { } at ? ProviderUnderTest.At(at) : "NULL";
        var id = await provider.ExecuteAsync($"""
            INSERT INTO nudges (kind, team_id, channel_id, message_ts, author_id, delivery, state, attempts, next_attempt_at, expires_at, day_start, created_at, sent_at)
            VALUES ('{kind}', '{team}', '{channel}', '{Interlocked.Increment(ref _ts)}.000200', '{author}', 'Ephemeral', '{state}', 1,
                    {ProviderUnderTest.At(created)}, {ProviderUnderTest.At(created.AddDays(1))}, {ProviderUnderTest.At(created)}, {ProviderUnderTest.At(created)}, {sent})
            RETURNING id
            """) ?? throw new InvalidOperationException("no id returned");
        await provider.ExecuteAsync($"INSERT INTO nudge_attempts (nudge_id, at, outcome) VALUES ({id}, {ProviderUnderTest.At(created)}, 'ok')");
        if (rule is not null)
        {
            await provider.ExecuteAsync($"INSERT INTO nudge_rules (nudge_id, rule_id) VALUES ({id}, '{rule}')");
        }

        if (feedback is not null)
        {
            await provider.ExecuteAsync($"INSERT INTO nudge_feedback (nudge_id, kind, user_id, at) VALUES ({id}, '{feedback}', '{feedbackBy ?? author}', {ProviderUnderTest.At(created)})");
        }

        return id;
    }

    public async Task ActivityAsync(string team, string author, DateTimeOffset hour)
    {
        await provider.ExecuteAsync($"INSERT INTO activity_people (team_id, hour, author_id) VALUES ('{team}', {ProviderUnderTest.At(hour)}, '{author}')");
        await provider.ExecuteAsync($"INSERT INTO activity_counters (team_id, hour, kind, messages, after_hours) VALUES ('{team}', {ProviderUnderTest.At(hour)}, '{author}', 3, 1)");
    }

    public Task PendingAsync(string team, string author, DateTimeOffset at) =>
        provider.ExecuteAsync($"""
            INSERT INTO pending_findings (team_id, channel_id, message_ts, rule_id, author_id, at, due, evidence_json, suggestion)
            VALUES ('{team}', 'C1', '{Interlocked.Increment(ref _ts)}.000300', 'missing-context', '{author}', {ProviderUnderTest.At(at)}, {ProviderUnderTest.At(at.AddMinutes(2))}, '[]', 'say why')
            """);

    public Task PhraseFeedbackAsync(string team, string user, DateTimeOffset at) =>
        provider.ExecuteAsync($"INSERT INTO phrase_feedback (team_id, rule_id, phrase, user_id, at) VALUES ('{team}', 'bare-greeting', 'hi', '{user}', {ProviderUnderTest.At(at)})");

    public Task NormsAsync(string team, string json, string? updatedBy, DateTimeOffset at) =>
        provider.ExecuteAsync($"INSERT INTO team_norms (team_id, norms_json, updated_by, updated_at) VALUES ('{team}', '{json}', {(updatedBy is null ? "NULL" : $"'{updatedBy}'")}, {ProviderUnderTest.At(at)})");

    public async Task<long> CountAsync(string table, string where = "1 = 1") =>
        await provider.ExecuteAsync($"SELECT COUNT(*) FROM {table} WHERE {where}") ?? 0;
}
