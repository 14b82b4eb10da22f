namespace AsyncCoach.Core.Norms;

/// <summary>How a team wants nudges delivered (the <c>nudge_mode</c> norm).</summary>
public enum NudgeMode
{
    Ephemeral,
    Dm,
    Off,
}
