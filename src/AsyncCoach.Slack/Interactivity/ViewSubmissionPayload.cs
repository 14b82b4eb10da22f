namespace AsyncCoach.Slack.Interactivity;

/// <summary>
/// A <c>view_submission</c> interaction (slack-platform.md §6): someone pressed a modal's submit
/// button. The inputs' values are in <see cref="SubmittedView.State"/>, keyed by block id, then
/// action id. Answer within 3 s: empty to close, or an <see cref="InteractionResponse"/>.
/// </summary>
public sealed record ViewSubmissionPayload : InteractionPayload
{
    public const string TypeName = "view_submission";

    public SubmittedView? View { get; init; }

    /// <summary>The submitted value of one input, or null when the view has no such input (or it was left empty).</summary>
    public ViewStateValue? Value(string blockId, string actionId) =>
        View?.State?.Values is { } values && values.TryGetValue(blockId, out var block) && block.TryGetValue(actionId, out var value)
            ? value
            : null;
}

public sealed record SubmittedView
{
    public string Id { get; init; } = "";

    public string? TeamId { get; init; }

    public string? Type { get; init; }

    public string? CallbackId { get; init; }

    public string? PrivateMetadata { get; init; }

    public string? ExternalId { get; init; }

    public string? Hash { get; init; }

    public string? RootViewId { get; init; }

    public string? PreviousViewId { get; init; }

    public string? AppId { get; init; }

    public ViewState? State { get; init; }
}

public sealed record ViewState
{
    /// <summary>block_id → action_id → value; null when Slack sent none.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, ViewStateValue>>? Values { get; init; }
}

/// <summary>One input's state: <see cref="Value"/> for text inputs, the <c>selected_*</c> fields for pickers.</summary>
public sealed record ViewStateValue
{
    public string Type { get; init; } = "";

    public string? Value { get; init; }

    public SelectedOption? SelectedOption { get; init; }

    public IReadOnlyList<SelectedOption>? SelectedOptions { get; init; }

    public string? SelectedDate { get; init; }

    public string? SelectedTime { get; init; }

    public string? SelectedUser { get; init; }

    public string? SelectedConversation { get; init; }

    public string? SelectedChannel { get; init; }

    public IReadOnlyList<string>? SelectedConversations { get; init; }
}
