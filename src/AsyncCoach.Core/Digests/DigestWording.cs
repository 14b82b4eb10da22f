using System.Globalization;
using AsyncCoach.Core.Rules;

namespace AsyncCoach.Core.Digests;

/// <summary>Words shared by the digest's renderers (text, Block Kit), so they say the same thing.</summary>
public static class DigestWording
{
    public static string RuleTitle(string ruleId) => ruleId switch
    {
        RuleIds.MissingContext => "Missing context",
        RuleIds.HuddleInsteadOfThread => "Call instead of a thread",
        RuleIds.AfterHoursPing => "After-hours pings",
        RuleIds.BroadcastOveruse => "@channel overuse",
        RuleIds.MessageBurst => "Message bursts",
        RuleIds.VagueUrgency => "Vague urgency",
        _ => ruleId,
    };

    /// <summary>"▲ 9", "▼ 3", "= 0", or "" when there is nothing to compare with.</summary>
    public static string Change(int? change) => change switch
    {
        null => "",
        > 0 => string.Create(CultureInfo.InvariantCulture, $"▲ {change}"),
        < 0 => string.Create(CultureInfo.InvariantCulture, $"▼ {-change}"),
        _ => "= 0",
    };

    public static string Slot(DayOfWeek day, PartOfDay part) =>
        $"{CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(day)} {part switch
        {
            PartOfDay.Night => "night",
            PartOfDay.Morning => "morning",
            PartOfDay.Afternoon => "afternoon",
            _ => "evening",
        }}";

    public static string Percent(double share) => share.ToString("0%", CultureInfo.InvariantCulture);

    /// <summary>"Mar 9 – Mar 15, 2026" (the end is exclusive, so the day before it).</summary>
    public static string Week(DateTimeOffset start, DateTimeOffset end) =>
        string.Create(CultureInfo.InvariantCulture, $"{start:MMM d} – {end.AddDays(-1):MMM d, yyyy}");

    public static string Footer(int floor, bool belowFloor) => belowFloor
        ? string.Create(CultureInfo.InvariantCulture,
            $"Fewer than {floor} people were active this week, so this digest shows totals only. No one is named or ranked.")
        : string.Create(CultureInfo.InvariantCulture,
            $"No one is named or ranked. A rule, channel or time slot is shown only when at least {floor} people contributed to it; smaller ones are counted under \"other\".");
}
