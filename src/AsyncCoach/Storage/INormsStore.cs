using System.Text.Json.Nodes;
using AsyncCoach.Core.Norms;

namespace AsyncCoach.Storage;

/// <summary>
/// Team norms, stored per team as the JSON object of the keys the team has set (the same keys as
/// the audit's <c>--norms</c> file); unset keys keep RULES.md's defaults. Read for every message,
/// so implementations cache per team; a change made through <see cref="SetAsync"/> is seen by the
/// next <see cref="GetAsync"/> (with several instances, within a bound the provider documents).
/// </summary>
public interface INormsStore
{
    /// <summary>
    /// The team's norms: the stored keys over the defaults (the defaults when nothing is stored),
    /// with <see cref="TeamNorms.LearnedPhrases"/> from the team's phrase feedback
    /// (<see cref="IPhraseFeedbackStore.VotesAsync"/> with <see cref="TeamNorms.LearnAfterPeople"/>).
    /// </summary>
    Task<TeamNorms> GetAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>Drops the cached norms of a team, so the next read sees new feedback (or a purge).</summary>
    void Forget(string teamId);

    /// <summary>The keys this team has set, as stored; null when none.</summary>
    Task<JsonObject?> GetJsonAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>
    /// Sets one key (or removes it with a null value) after checking the whole result parses, so
    /// a bad value never reaches storage: throws <c>NormsFormatException</c> naming the key, and
    /// stores nothing. Records <paramref name="updatedBy"/> as the last editor. Returns the team's
    /// norms as <see cref="GetAsync"/> will return them.
    /// </summary>
    Task<TeamNorms> SetAsync(string teamId, string key, JsonNode? value, string updatedBy, CancellationToken cancellationToken);

    /// <summary>The teams that set their own <c>retention_days</c> norm, and its value (checked when it was set).</summary>
    Task<IReadOnlyDictionary<string, int>> RetentionDaysAsync(CancellationToken cancellationToken);
}
