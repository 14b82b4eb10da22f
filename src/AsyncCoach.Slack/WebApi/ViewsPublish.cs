using System.Text.Json;
using AsyncCoach.Slack.BlockKit;

namespace AsyncCoach.Slack.WebApi;

/// <summary><c>views.publish</c>: sets a user's App Home tab.</summary>
public sealed record PublishViewRequest(string UserId, HomeView View, string? Hash = null);

/// <summary>A Home tab view (at most 100 blocks).</summary>
public sealed record HomeView(IReadOnlyList<Block> Blocks)
{
    public string Type => "home";

    public string? PrivateMetadata { get; init; }

    public string? CallbackId { get; init; }

    public string? ExternalId { get; init; }

    /// <summary>Block Kit limits for a Home tab (100 blocks, no inputs) and the 250 kB view cap.</summary>
    public IReadOnlyList<BlockKitViolation> Validate()
    {
        var violations = new List<BlockKitViolation>(BlockKitLimits.Validate(Blocks, BlockSurface.HomeTab));
        BlockKitLimits.CheckLength(violations, "private_metadata", PrivateMetadata, ModalView.MaxPrivateMetadataLength);
        BlockKitLimits.CheckLength(violations, "callback_id", CallbackId, ModalView.MaxCallbackIdLength);
        BlockKitLimits.CheckViewSize(violations, JsonSerializer.SerializeToUtf8Bytes(this, SlackJsonContext.Default.HomeView).Length);
        return violations;
    }
}

public sealed record PublishViewResponse : SlackResponse
{
    public PublishedView? View { get; init; }
}

public sealed record PublishedView
{
    public string Id { get; init; } = "";

    public string? TeamId { get; init; }

    public string? Type { get; init; }

    public string? Hash { get; init; }
}
