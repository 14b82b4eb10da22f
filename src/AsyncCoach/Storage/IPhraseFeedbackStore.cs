namespace AsyncCoach.Storage;

/// <summary>
/// "Not helpful here" on a nudge counts against each evidence phrase of the phrase-based rules the
/// nudge was about, once per person: enough people, and the team's norms learn the phrase.
/// </summary>
public interface IPhraseFeedbackStore
{
    /// <summary>
    /// Counts, for <paramref name="userId"/>, each evidence phrase of the findings of the nudge's
    /// message whose rule is one of the nudge's rules and phrase-based (<c>missing-context</c>,
    /// <c>huddle-instead-of-thread</c>, <c>vague-urgency</c>; the phrase <c>(mention only)</c> is not
    /// one), once per (team, rule, phrase, person). Returns the marks added. Own transaction.
    /// </summary>
    Task<int> RecordNotHelpfulAsync(long nudgeId, string userId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The phrases at least <paramref name="minPeople"/> different people marked, per rule, ordered by rule then phrase.</summary>
    Task<IReadOnlyList<PhraseVotes>> VotesAsync(string teamId, int minPeople, CancellationToken cancellationToken);

    /// <summary>Forgets every mark on <paramref name="phrase"/> for <paramref name="ruleId"/> in the team; returns how many there were.</summary>
    Task<int> ForgetAsync(string teamId, string ruleId, string phrase, CancellationToken cancellationToken);
}

/// <summary>How many different people marked an evidence phrase of a rule "Not helpful here".</summary>
public sealed record PhraseVotes(string RuleId, string Phrase, long People);
