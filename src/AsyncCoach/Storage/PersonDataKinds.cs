namespace AsyncCoach.Storage;

/// <summary>
/// Everything stored about one person, in the order <see cref="ITeamDataStore.DeletePersonAsync"/>
/// deletes it and counts it: a table with a column that names a person is listed here (a test
/// compares this list with the schema). <see cref="PersonDataKind.Label"/> is what forget-me's
/// answers call it.
/// </summary>
public static class PersonDataKinds
{
    public static IReadOnlyList<PersonDataKind> All { get; } =
    [
        new("answers you gave with a nudge's buttons", "nudge_feedback", "user_id"),
        new("delivery records of the nudges sent to you", "nudge_attempts", null),
        new("tips combined in those nudges", "nudge_rules", null),
        new("your Home tab's publish records", "nudges", "author_id"),
        new("nudges and digests sent to you", "nudges", "author_id"),
        new("findings about messages you wrote", "findings", "author_id"),
        new("greetings of yours still waiting for your follow-up", "pending_findings", "author_id"),
        new("the hours you wrote in (for the digest's count of distinct people)", "activity_people", "author_id"),
        new("your \"Not helpful here\" marks on phrases", "phrase_feedback", "user_id"),
        new("your settings (hours, time zone, snooze, opt-out)", "person_settings", "user_id"),
        new("your digest settings", "digest_settings", "lead_id"),
        new("your name as the last editor of the team's norms", "team_norms", "updated_by"),
        new("your name as the person who installed AsyncCoach", "installations", "installer_user_id"),
        new("dry-run records of calls made for you", "slack_api_calls", "request_json"),
    ];
}
