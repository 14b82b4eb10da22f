using AsyncCoach.Core.Norms;

namespace AsyncCoach.Core.Model;

/// <summary>
/// What the rules know of a workspace member: Slack's IANA <c>tz</c> (null when unknown),
/// whether it is a bot or deactivated, and the person's own working hours if they set any.
/// <see cref="IsAdmin"/> is Slack's workspace admin or owner flag (who may change team norms).
/// </summary>
public sealed record Person(
    UserId Id,
    string? TimeZoneId,
    bool IsBot = false,
    bool IsDeleted = false,
    WorkingHours? OwnHours = null,
    string? DisplayName = null,
    bool IsAdmin = false);
