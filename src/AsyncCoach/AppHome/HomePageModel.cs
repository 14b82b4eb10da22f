using AsyncCoach.Storage;

namespace AsyncCoach.AppHome;

/// <summary>
/// Everything one person's Home tab shows, already in words where words need the person's zone:
/// their hours, nudge state, own findings (only they see the page) and the team's norms.
/// </summary>
public sealed record HomePageModel(
    string UserId,
    HomeHours Hours,
    HomeNudgeState Nudges,
    IReadOnlyList<RuleWeeks> Findings,
    string NormsText)
{
    /// <summary>Set for the team's leads; null for everyone else.</summary>
    public HomeLeadSection? Lead { get; init; }
}

/// <summary>Working hours as shown: <see cref="Own"/> false when the team's apply.</summary>
public sealed record HomeHours(string Text, string Zone, bool Own);

/// <summary>Opted out wins over a snooze; <see cref="SnoozedUntil"/> is already in the person's zone.</summary>
public sealed record HomeNudgeState(bool OptedOut, string? SnoozedUntil);

/// <summary>What a lead sees besides: their digest settings in words.</summary>
public sealed record HomeLeadSection(string DigestText);
