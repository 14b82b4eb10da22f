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
