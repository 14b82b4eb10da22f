namespace AsyncCoach.Slack.WebApi;

/// <summary>
/// Extension point: the Web API client of one workspace. Every call made through the returned
/// client carries that team's token (its installation's, or the configured <c>Slack:BotToken</c>
/// for the team it belongs to), never another team's; a team with neither is dry-run (calls
/// recorded, answered as success). Cheap to call on every use.
/// </summary>
public interface ISlackClientFactory
{
    /// <summary>The client for <paramref name="teamId"/> (a <c>T…</c> team id, or the <c>E…</c> id of an org-wide install).</summary>
    ISlackWebApi ForTeam(string teamId);

    /// <summary>
    /// As <see cref="ForTeam(string)"/>, with the calls' failure handling chosen by the caller:
    /// <see cref="SlackCallPolicy.SingleAttempt"/> for a caller that retries on its own (the outbox).
    /// </summary>
    ISlackWebApi ForTeam(string teamId, SlackCallPolicy policy);
}
