using AsyncCoach.Core.Model;

namespace AsyncCoach.Core.Rules;

/// <summary>
/// What a rule found in one message. Never carries the message text: only ids, times, the
/// matched phrases (<see cref="Evidence"/>) and, for after-hours-ping, who was reached outside
/// their hours and what time it was for them.
/// </summary>
public sealed record Finding(
    string RuleId,
    TeamId Team,
    ChannelId Channel,
    MessageTs Ts,
    MessageTs? ThreadTs,
    UserId Author,
    DateTimeOffset At,
    IReadOnlyList<string> Evidence,
    string Suggestion)
{
    /// <summary>Recipients outside their working hours (after-hours-ping only).</summary>
    public IReadOnlyList<RecipientTime> OffHoursRecipients { get; init; } = [];
}

/// <summary>A recipient outside working hours: their local time and when their next working day starts.</summary>
public sealed record RecipientTime(UserId User, string TimeZoneId, DateTimeOffset LocalTime, DateTimeOffset? NextWorkStart);
