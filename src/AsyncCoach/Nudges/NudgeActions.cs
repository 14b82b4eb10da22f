namespace AsyncCoach.Nudges;

/// <summary>The nudge buttons' <c>action_id</c>s; each button's value is the outbox id.</summary>
public static class NudgeActions
{
    public const string Prefix = "nudge:";
    public const string Thanks = "nudge:thanks";
    public const string NotHelpful = "nudge:not_helpful";
    public const string SnoozeToday = "nudge:snooze_today";
    public const string Why = "nudge:why";
}
