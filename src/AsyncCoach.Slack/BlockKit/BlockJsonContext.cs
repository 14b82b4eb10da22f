using System.Text.Json.Serialization;

namespace AsyncCoach.Slack.BlockKit;

/// <summary>
/// The generated (de)serialization of blocks, with <see cref="WebApi.SlackJsonContext"/>'s naming
/// and null handling but without <see cref="BlockListConverter"/>: what that converter reads with,
/// and writes what it does not know with.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(IReadOnlyList<Block>))]
public sealed partial class BlockJsonContext : JsonSerializerContext;
