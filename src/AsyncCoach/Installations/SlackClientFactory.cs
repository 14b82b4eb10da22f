using System.Collections.Concurrent;
using AsyncCoach.DryRun;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;

namespace AsyncCoach.Installations;

/// <summary>
/// <see cref="ISlackClientFactory"/>: one client per team, each call resolving that team's
/// credential (<see cref="TeamTokens"/>) at the moment it is made, so a reinstall, a refreshed
/// token or a revocation takes effect on the next call.
/// </summary>
public sealed class SlackClientFactory(
    TeamTokens tokens, SlackWebApiClientFactory live, IApiCallStore calls, TimeProvider time, ILoggerFactory loggers) : ISlackClientFactory
{
    private readonly ConcurrentDictionary<string, TeamSlackClient> _teams = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TeamSlackClient> _singleAttempt = new(StringComparer.Ordinal);
    private readonly ILogger _dryRunLogger = loggers.CreateLogger<RecordingSlackWebApi>();

    public ISlackWebApi ForTeam(string teamId) => ForTeam(teamId, SlackCallPolicy.Retrying);

    public ISlackWebApi ForTeam(string teamId, SlackCallPolicy policy)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        var teams = policy == SlackCallPolicy.SingleAttempt ? _singleAttempt : _teams;
        return teams.GetOrAdd(teamId, team => new TeamSlackClient(
            team, tokens, live, policy, new RecordingSlackWebApi(team, calls, time, _dryRunLogger)));
    }
}
