using System.Text.Json.Serialization;

namespace AsyncCoach.Slack.WebApi;

public sealed record UsersInfoResponse : SlackResponse
{
    public SlackUser? User { get; init; }
}

/// <summary>A user from <c>users.info</c>; only the fields the coach uses, the rest are ignored.</summary>
public sealed record SlackUser
{
    public string Id { get; init; } = "";

    public string? TeamId { get; init; }

    public string? Name { get; init; }

    public string? RealName { get; init; }

    /// <summary>IANA time zone, e.g. <c>America/Los_Angeles</c>.</summary>
    public string? Tz { get; init; }

    public string? TzLabel { get; init; }

    /// <summary>Offset from UTC in seconds at the time of the call (e.g. -25200).</summary>
    public int TzOffset { get; init; }

    public bool Deleted { get; init; }

    public bool IsBot { get; init; }

    public bool IsAppUser { get; init; }

    public bool IsAdmin { get; init; }

    public bool IsOwner { get; init; }

    public bool IsPrimaryOwner { get; init; }

    public bool IsRestricted { get; init; }

    public bool IsUltraRestricted { get; init; }

    public string? Locale { get; init; }

    public SlackUserProfile? Profile { get; init; }

    [JsonIgnore]
    public TimeSpan UtcOffset => TimeSpan.FromSeconds(TzOffset);
}

public sealed record SlackUserProfile
{
    public string? DisplayName { get; init; }

    public string? RealName { get; init; }

    public string? BotId { get; init; }

    public string? ApiAppId { get; init; }
}
