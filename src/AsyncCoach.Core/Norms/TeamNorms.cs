using AsyncCoach.Core.Rules;

namespace AsyncCoach.Core.Norms;

/// <summary>
/// A team's norms, with the defaults of RULES.md. Stored per team; a person's own
/// <see cref="WorkingHours"/> override <see cref="WorkingHours"/> here.
/// </summary>
public sealed record TeamNorms
{
    public static TeamNorms Default { get; } = new();

    public WorkingHours WorkingHours { get; init; } = WorkingHours.Default;

    /// <summary>Channel ids where no rule fires (incidents, on-call…).</summary>
    public IReadOnlySet<string> ExemptChannels { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Member count from which a broadcast counts as overuse.</summary>
    public int BroadcastThreshold { get; init; } = 20;

    /// <summary>Rule ids that may fire; all of them by default.</summary>
    public IReadOnlySet<string> EnabledRules { get; init; } = new HashSet<string>(RuleIds.All, StringComparer.Ordinal);

    /// <summary>Text anywhere in the message that declares real urgency.</summary>
    public IReadOnlyList<string> UrgentMarkersContains { get; init; } = [":rotating_light:"];

    /// <summary>Words the message may start with (after leading mentions, any case) to declare real urgency.</summary>
    public IReadOnlyList<string> UrgentMarkersPrefixes { get; init; } = ["URGENT"];

    /// <summary>Extra phrases a team adds, keyed by phrase list name (see the phrase data file).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ExtraPhrases { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>How long a bare greeting waits for its follow-up before missing-context fires.</summary>
    public TimeSpan GraceWindow { get; init; } = TimeSpan.FromSeconds(60);

    public NudgeMode NudgeMode { get; init; } = NudgeMode.Ephemeral;

    public int MaxNudgesPerDay { get; init; } = 3;

    public int MaxNudgesPerRulePerDay { get; init; } = 1;

    /// <summary>A team's first days: findings are recorded, nobody is nudged.</summary>
    public bool ObserveMode { get; init; }

    /// <summary>A nudge not delivered within this window expires: a late nudge is noise.</summary>
    public TimeSpan NudgeFreshness { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>User ids of the team's leads: they may change these norms (so may workspace admins).</summary>
    public IReadOnlySet<string> Leads { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// A digest shows a breakdown (a rule, a channel, a time slot) only where at least this many
    /// distinct people contributed; never below 3 (a breakdown of one or two people names them).
    /// </summary>
    public int DigestMinGroup { get; init; } = 5;

    /// <summary>How many different people must mark a phrase "Not helpful here" before it stops triggering its rule.</summary>
    public int LearnAfterPeople { get; init; } = 3;

    /// <summary>
    /// Learned from feedback (rule id → evidence phrases): a finding of that rule whose evidence is
    /// only these phrases is dropped. Filled by the host from the team's feedback, never by hand.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> LearnedPhrases { get; init; } =
        new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);

    /// <summary>
    /// Days the team's findings, nudge history and feedback are kept; null when the team did not
    /// set it (the service's default, <c>Retention:DataDays</c>, applies).
    /// </summary>
    public int? RetentionDays { get; init; }

    /// <summary>The bounds of <see cref="RetentionDays"/>: a week at least (a weekly digest reads the last one), ten years at most.</summary>
    public const int MinRetentionDays = 7;

    public const int MaxRetentionDays = 3650;

    public bool IsEnabled(string ruleId) => EnabledRules.Contains(ruleId);

    /// <summary>Whether the team taught AsyncCoach that <paramref name="evidence"/> alone should not trigger <paramref name="ruleId"/>.</summary>
    public bool IsLearnedAway(string ruleId, IReadOnlyList<string> evidence)
    {
        if (evidence.Count == 0 || !LearnedPhrases.TryGetValue(ruleId, out var phrases))
        {
            return false;
        }

        for (var i = 0; i < evidence.Count; i++)
        {
            if (!phrases.Contains(evidence[i]))
            {
                return false;
            }
        }

        return true;
    }

    public bool IsExempt(string channelId) => ExemptChannels.Contains(channelId);
}
