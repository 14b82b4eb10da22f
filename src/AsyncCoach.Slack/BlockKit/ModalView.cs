using System.Text.Json;
using System.Text.Json.Serialization;
using AsyncCoach.Slack.WebApi;

namespace AsyncCoach.Slack.BlockKit;

/// <summary>
/// A modal (<c>views.open</c>, or a <c>response_action: update</c>): title, submit and close
/// ≤24 chars, ≤100 blocks, <c>callback_id</c> ≤255 and <c>private_metadata</c> ≤3000 chars
/// (slack-platform.md §6 and §11, https://api.slack.com/reference/surfaces/views).
/// </summary>
public sealed record ModalView
{
    public const int MaxTitleLength = 24;
    public const int MaxCallbackIdLength = 255;
    public const int MaxPrivateMetadataLength = 3000;

    [JsonConstructor]
    public ModalView(PlainText title, IReadOnlyList<Block> blocks)
    {
        Title = title;
        Blocks = blocks;
    }

    public ModalView(string title, IReadOnlyList<Block> blocks)
        : this(new PlainText(title), blocks)
    {
    }

    public string Type => "modal";

    public PlainText Title { get; init; }

    public IReadOnlyList<Block> Blocks { get; init; }

    /// <summary>Needed as soon as the modal holds an input block.</summary>
    public PlainText? Submit { get; init; }

    public PlainText? Close { get; init; }

    /// <summary>Comes back in the <c>view_submission</c>; says which modal was submitted.</summary>
    public string? CallbackId { get; init; }

    public string? PrivateMetadata { get; init; }

    public string? ExternalId { get; init; }

    public bool? ClearOnClose { get; init; }

    public bool? NotifyOnClose { get; init; }

    public IReadOnlyList<BlockKitViolation> Validate()
    {
        var violations = new List<BlockKitViolation>(BlockKitLimits.Validate(Blocks, BlockSurface.Modal));
        BlockKitLimits.CheckLength(violations, "title.text", Title.Text, MaxTitleLength);
        if (Submit is { } submit)
        {
            BlockKitLimits.CheckLength(violations, "submit.text", submit.Text, MaxTitleLength);
        }
        else if (Blocks.Any(b => b is InputBlock))
        {
            violations.Add(new("submit", "a modal with an input block needs a submit button"));
        }

        if (Close is { } close)
        {
            BlockKitLimits.CheckLength(violations, "close.text", close.Text, MaxTitleLength);
        }

        BlockKitLimits.CheckLength(violations, "callback_id", CallbackId, MaxCallbackIdLength);
        BlockKitLimits.CheckLength(violations, "private_metadata", PrivateMetadata, MaxPrivateMetadataLength);
        BlockKitLimits.CheckViewSize(violations, JsonSerializer.SerializeToUtf8Bytes(this, SlackJsonContext.Default.ModalView).Length);
        return violations;
    }
}
