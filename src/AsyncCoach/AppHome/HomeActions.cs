namespace AsyncCoach.AppHome;

/// <summary>The Home tab's buttons (<c>action_id</c>s), its modal's <c>callback_id</c> and input ids.</summary>
public static class HomeActions
{
    public const string Prefix = "home:";
    public const string EditHours = "home:edit_hours";
    public const string SnoozeHour = "home:snooze_1h";
    public const string SnoozeDay = "home:snooze_1d";
    public const string Resume = "home:resume";
    public const string OptOut = "home:opt_out";
    public const string OptIn = "home:opt_in";
    public const string PreviewDigest = "home:preview_digest";

    /// <summary>The working-hours modal, as named in its <c>view_submission</c>.</summary>
    public const string HoursModal = "home:hours";

    public const string HoursBlock = "hours";
    public const string ZoneBlock = "zone";
    public const string InputAction = "value";
}
