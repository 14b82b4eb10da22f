namespace AsyncCoach.Slack.Interactivity;

/// <summary>
/// A <c>block_actions</c> interaction (slack-platform.md §6): someone clicked a button or picked
/// an option. Only what the coach needs is modelled; the clicked message's text is deliberately
/// not kept. <see cref="ResponseUrl"/> is set for messages, not for Home tab views.
/// </summary>
public sealed record BlockActionsPayload
{
    public const string TypeName = "block_actions";

    public string Type { get; init; } = "";

    public InteractionUser? User { get; init; }

    /// <summary>Null for org-wide installs.</summary>
    public InteractionTeam? Team { get; init; }

    public InteractionEnterprise? Enterprise { get; init; }

    public bool IsEnterpriseInstall { get; init; }

    public string? ApiAppId { get; init; }

    public InteractionContainer? Container { get; init; }

    /// <summary>Opens a modal; single use, expires after 3 s.</summary>
    public string? TriggerId { get; init; }

    public InteractionChannel? Channel { get; init; }

    public InteractionView? View { get; init; }

    public string? ResponseUrl { get; init; }

    public IReadOnlyList<BlockAction> Actions { get; init; } = [];
}

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

/// <summary>Where the click happened: <c>type</c> is <c>message</c>, <c>view</c> or <c>message_attachment</c>.</summary>
public sealed record InteractionContainer
{
    public string Type { get; init; } = "";

    public string? MessageTs { get; init; }

    public string? ChannelId { get; init; }

    public bool IsEphemeral { get; init; }

    public string? ThreadTs { get; init; }

    public string? ViewId { get; init; }
}

public sealed record InteractionChannel
{
    public string Id { get; init; } = "";

    public string? Name { get; init; }
}

public sealed record InteractionView
{
    public string Id { get; init; } = "";

    public string? Type { get; init; }

    public string? CallbackId { get; init; }

    public string? PrivateMetadata { get; init; }

    public string? Hash { get; init; }
}

/// <summary>One action; <see cref="Value"/> for buttons, <see cref="SelectedOption"/> for selects.</summary>
public sealed record BlockAction
{
    public string ActionId { get; init; } = "";

    public string? BlockId { get; init; }

    public string Type { get; init; } = "";

    public string? Value { get; init; }

    public SelectedOption? SelectedOption { get; init; }

    public string? ActionTs { get; init; }
}

public sealed record SelectedOption
{
    public string? Value { get; init; }
}
