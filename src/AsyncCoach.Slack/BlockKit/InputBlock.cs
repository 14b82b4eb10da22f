using System.Text.Json.Serialization;

namespace AsyncCoach.Slack.BlockKit;

/// <summary>
/// A labelled input in a modal: label and hint ≤2000 chars. Its value comes back in
/// <c>view.state.values[block_id][action_id]</c> of the <c>view_submission</c>, which is why
/// both ids should be set; validation errors are keyed by <see cref="Block.BlockId"/>.
/// </summary>
public sealed record InputBlock : Block
{
    [JsonConstructor]
    public InputBlock(PlainText label, BlockElement element)
    {
        Label = label;
        Element = element;
    }

    public InputBlock(string label, BlockElement element, string blockId)
        : this(new PlainText(label), element) => BlockId = blockId;

    public PlainText Label { get; init; }

    public BlockElement Element { get; init; }

    public PlainText? Hint { get; init; }

    public bool? Optional { get; init; }
}
