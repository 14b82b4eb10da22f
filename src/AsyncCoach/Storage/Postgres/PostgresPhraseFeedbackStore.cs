namespace AsyncCoach.Storage.Postgres;

/// <summary>phrase_feedback on PostgreSQL: "Not helpful here" against each evidence phrase of the nudge's phrase-based rules, once per person.</summary>
public sealed class PostgresPhraseFeedbackStore(PostgresDatabase database) : IPhraseFeedbackStore
{
    // Only rules whose evidence is a phrase from the lists; the others' evidence is a description.
    private const string RecordSql = """
        INSERT INTO phrase_feedback (team_id, rule_id, phrase, user_id, at)
        SELECT DISTINCT n.team_id, f.rule_id, e.value, @UserId, @Now
        FROM nudges n
        JOIN nudge_rules r ON r.nudge_id = n.id
        JOIN findings f ON f.team_id = n.team_id AND f.channel_id = n.channel_id AND f.message_ts = n.message_ts AND f.rule_id = r.rule_id
        CROSS JOIN LATERAL jsonb_array_elements_text(f.evidence_json::jsonb) e(value)
        WHERE n.id = @NudgeId
          AND f.rule_id IN ('missing-context', 'huddle-instead-of-thread', 'vague-urgency')
          AND e.value <> '(mention only)'
        ON CONFLICT (team_id, rule_id, phrase, user_id) DO NOTHING
        """;

    public async Task<int> RecordNotHelpfulAsync(long nudgeId, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Pg.Command(connection, RecordSql).With("NudgeId", nudgeId).With("UserId", userId).WithInstant("Now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private const string VotesSql = """
        SELECT rule_id, phrase, count(*)
        FROM phrase_feedback
        WHERE team_id = @TeamId
        GROUP BY rule_id, phrase
        HAVING count(*) >= @MinPeople
        ORDER BY rule_id COLLATE "C", phrase COLLATE "C"
        """;

    public async Task<IReadOnlyList<PhraseVotes>> VotesAsync(string teamId, int minPeople, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Pg.Command(connection, VotesSql).With("TeamId", teamId).With("MinPeople", (long)minPeople);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var votes = new List<PhraseVotes>();
        while (await reader.ReadAsync(cancellationToken))
        {
            votes.Add(new PhraseVotes(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return votes;
    }

    private const string ForgetSql = "DELETE FROM phrase_feedback WHERE team_id = @TeamId AND rule_id = @RuleId AND phrase = @Phrase";

    public async Task<int> ForgetAsync(string teamId, string ruleId, string phrase, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Pg.Command(connection, ForgetSql).With("TeamId", teamId).With("RuleId", ruleId).With("Phrase", phrase);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
