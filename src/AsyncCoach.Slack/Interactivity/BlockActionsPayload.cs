namespace AsyncCoach.Slack.Interactivity;

/// <summary>
/// A <c>block_actions</c> interaction (slack-platform.md §6): someone clicked a button or picked
/// an option. Only what the coach needs is modelled; the clicked message's text is deliberately
/// not kept. <see cref="ResponseUrl"/> is set for messages, not for Home tab views.
/// </summary>
public sealed record BlockActionsPayload : InteractionPayload
{
    public const string TypeName = "block_actions";

    public InteractionContainer? Container { get; init; }

    public InteractionChannel? Channel { get; init; }

    public InteractionView? View { get; init; }

    public string? ResponseUrl { get; init; }

    /// <summary>Empty, never null, when Slack sent none (the source generator sets a missing init property to null).</summary>
    public IReadOnlyList<BlockAction> Actions { get; init => field = value ?? []; } = [];
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
