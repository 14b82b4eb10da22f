using Dapper;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>
/// SQL for phrase_feedback: "Not helpful here" on a nudge counts against each evidence phrase of
/// the phrase-based rules the nudge was about (the findings of the same message), once per person.
/// </summary>
public sealed class PhraseFeedbackStore(SqliteDatabase database) : IPhraseFeedbackStore
{
    // Only rules whose evidence is a phrase from the lists; the others' evidence is a description.
    private const string RecordSql = """
        INSERT INTO phrase_feedback (team_id, rule_id, phrase, user_id, at)
        SELECT DISTINCT n.team_id, f.rule_id, e.value, @UserId, @Now
        FROM nudges n
        JOIN nudge_rules r ON r.nudge_id = n.id
        JOIN findings f ON f.team_id = n.team_id AND f.channel_id = n.channel_id AND f.message_ts = n.message_ts AND f.rule_id = r.rule_id
        JOIN json_each(f.evidence_json) e
        WHERE n.id = @NudgeId
          AND f.rule_id IN ('missing-context', 'huddle-instead-of-thread', 'vague-urgency')
          AND e.value <> '(mention only)'
        ON CONFLICT (team_id, rule_id, phrase, user_id) DO NOTHING
        """;

    /// <summary>Counts the nudge's evidence phrases against their rules for <paramref name="userId"/>; returns the rows added.</summary>
    public async Task<int> RecordNotHelpfulAsync(long nudgeId, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        var added = await write.Connection.ExecuteAsync(RecordSql, new { NudgeId = nudgeId, UserId = userId, Now = now }, write.Transaction);
        await write.CommitAsync(cancellationToken);
        return added;
    }

    private const string VotesSql = """
        SELECT rule_id AS RuleId, phrase AS Phrase, COUNT(*) AS People
        FROM phrase_feedback
        WHERE team_id = @TeamId
        GROUP BY rule_id, phrase
        HAVING COUNT(*) >= @MinPeople
        ORDER BY rule_id, phrase
        """;

    /// <summary>The phrases at least <paramref name="minPeople"/> people marked, per rule.</summary>
    public async Task<IReadOnlyList<PhraseVotes>> VotesAsync(string teamId, int minPeople, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<PhraseVotes>(VotesSql, new { TeamId = teamId, MinPeople = minPeople })).AsList();
    }

    private const string ForgetSql = "DELETE FROM phrase_feedback WHERE team_id = @TeamId AND rule_id = @RuleId AND phrase = @Phrase";

    /// <summary>Forgets every mark on <paramref name="phrase"/> for <paramref name="ruleId"/>; returns how many there were.</summary>
    public async Task<int> ForgetAsync(string teamId, string ruleId, string phrase, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        var removed = await write.Connection.ExecuteAsync(ForgetSql, new { TeamId = teamId, RuleId = ruleId, Phrase = phrase }, write.Transaction);
        await write.CommitAsync(cancellationToken);
        return removed;
    }
}
