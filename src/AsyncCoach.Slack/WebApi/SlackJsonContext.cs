using System.Text.Json.Serialization;
using AsyncCoach.Slack.BlockKit;
using AsyncCoach.Slack.Interactivity;

namespace AsyncCoach.Slack.WebApi;

/// <summary>
/// Source-generated serialisation for every Slack payload we send or read: snake_case names,
/// nulls left out (Slack treats an explicit null differently from a missing field for some args),
/// unknown fields ignored, numbers accepted as strings (Slack's examples mix both). Lists of
/// blocks are written by <see cref="BlockListConverter"/> (the generated code for blocks allocates
/// a frame stack per request).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(BlockListConverter)])]
[JsonSerializable(typeof(SlackErrorResponse))]
[JsonSerializable(typeof(AuthTestResponse))]
[JsonSerializable(typeof(OAuthV2AccessResponse))]
[JsonSerializable(typeof(UsersInfoResponse))]
[JsonSerializable(typeof(UsersListResponse))]
[JsonSerializable(typeof(SlackUser))]
[JsonSerializable(typeof(ConversationsInfoResponse))]
[JsonSerializable(typeof(ConversationsMembersResponse))]
[JsonSerializable(typeof(OpenConversationRequest))]
[JsonSerializable(typeof(OpenConversationResponse))]
[JsonSerializable(typeof(PostEphemeralRequest))]
[JsonSerializable(typeof(PostEphemeralResponse))]
[JsonSerializable(typeof(PostMessageRequest))]
[JsonSerializable(typeof(PostMessageResponse))]
[JsonSerializable(typeof(ScheduleMessageRequest))]
[JsonSerializable(typeof(ScheduleMessageResponse))]
[JsonSerializable(typeof(PublishViewRequest))]
[JsonSerializable(typeof(PublishViewResponse))]
[JsonSerializable(typeof(OpenViewRequest))]
[JsonSerializable(typeof(OpenViewResponse))]
[JsonSerializable(typeof(ViewSubmissionPayload))]
[JsonSerializable(typeof(ResponseUrlMessage))]
[JsonSerializable(typeof(IReadOnlyList<Block>))]
[JsonSerializable(typeof(BlockActionsPayload))]
[JsonSerializable(typeof(OtherInteractionPayload))]
public sealed partial class SlackJsonContext : JsonSerializerContext;
