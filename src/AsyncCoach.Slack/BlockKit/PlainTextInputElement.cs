namespace AsyncCoach.Slack.BlockKit;

/// <summary>A free-text field for an <see cref="InputBlock"/>: placeholder ≤150 chars, initial value and max_length ≤3000.</summary>
public sealed record PlainTextInputElement : BlockElement
{
    public PlainTextInputElement(string actionId) => ActionId = actionId;

    public string? InitialValue { get; init; }

    public PlainText? Placeholder { get; init; }

    public bool? Multiline { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }
}
