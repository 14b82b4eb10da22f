using System.Text.Json.Serialization;

namespace AsyncCoach.Slack.BlockKit;

/// <summary>A button: text ≤75 chars, value ≤2000, url ≤3000.</summary>
public sealed record ButtonElement : BlockElement
{
    [JsonConstructor]
    public ButtonElement(PlainText text) => Text = text;

    public ButtonElement(string text, string actionId, string? value = null)
        : this(new PlainText(text))
    {
        ActionId = actionId;
        Value = value;
    }

    public PlainText Text { get; init; }

    public string? Value { get; init; }

    public ButtonStyle? Style { get; init; }

    /// <summary>Opens this URL in the browser; Slack still sends an interaction, which must be acked.</summary>
    public string? Url { get; init; }

    public string? AccessibilityLabel { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<ButtonStyle>))]
public enum ButtonStyle
{
    [JsonStringEnumMemberName("primary")]
    Primary,

    [JsonStringEnumMemberName("danger")]
    Danger,
}
