using System.Text.Json.Serialization;

namespace AsyncCoach.Slack.Interactivity;

/// <summary>
/// What every interaction payload carries (slack-platform.md §6), whatever its <see cref="Type"/>:
/// who, in which workspace or organisation. <see cref="InteractivityPayloadReader.Read(ReadOnlySpan{byte})"/> returns
/// the typed payload of the types the coach models (<see cref="BlockActionsPayload"/>,
/// <see cref="ViewSubmissionPayload"/>) and <see cref="OtherInteractionPayload"/> for the rest.
/// </summary>
public abstract record InteractionPayload
{
    public string Type { get; init; } = "";

    public InteractionUser? User { get; init; }

    /// <summary>Null for org-wide installs.</summary>
    public InteractionTeam? Team { get; init; }

    public InteractionEnterprise? Enterprise { get; init; }

    public bool IsEnterpriseInstall { get; init; }

    public string? ApiAppId { get; init; }

    /// <summary>Opens a modal; single use, expires after 3 s.</summary>
    public string? TriggerId { get; init; }

    /// <summary>The workspace the interaction belongs to: <c>team.id</c>, else the user's; null when neither is given.</summary>
    [JsonIgnore]
    public string? TeamId => Team?.Id is { Length: > 0 } id ? id : User?.TeamId is { Length: > 0 } userTeam ? userTeam : null;

    /// <summary>The organisation: <c>enterprise.id</c>, else <c>team.enterprise_id</c>; null outside Enterprise Grid.</summary>
    [JsonIgnore]
    public string? EnterpriseId => Enterprise?.Id is { Length: > 0 } id ? id : Team?.EnterpriseId is { Length: > 0 } teamOrg ? teamOrg : null;
}

/// <summary>
/// An interaction of a type the coach does not act on (<c>shortcut</c>, <c>message_action</c>,
/// <c>block_suggestion</c>, <c>view_closed</c>…): only the common fields are read, the rest
/// (a shortcut's message text among it) is not kept.
/// </summary>
public sealed record OtherInteractionPayload : InteractionPayload;

public sealed record InteractionUser
{
    public string Id { get; init; } = "";

    public string? Username { get; init; }

    public string? Name { get; init; }

    public string? TeamId { get; init; }
}

public sealed record InteractionTeam
{
    public string Id { get; init; } = "";

    public string? Domain { get; init; }

    public string? EnterpriseId { get; init; }
}

public sealed record InteractionEnterprise
{
    public string Id { get; init; } = "";

    public string? Name { get; init; }
}
