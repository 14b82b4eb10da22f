using System.Text.Json;
using System.Text.Json.Serialization;

namespace AsyncCoach.Slack.Interactivity;

/// <summary>
/// What Slack reads from the acknowledgement of an interaction: the HTTP body of the answer to
/// <c>/slack/interactivity</c>, or the <c>payload</c> of a Socket Mode ack (slack-platform.md §6, §8).
/// Always one JSON object, kept as UTF-8 so either transport writes it as it is.
/// </summary>
/// <example>
/// <code>
/// // A view_submission with a bad field keeps the modal open and shows the message under the block.
/// return InteractionOutcome.Respond(InteractionResponse.Errors(new Dictionary&lt;string, string&gt; { ["hours"] = "Use 09:00-17:30" }));
/// </code>
/// </example>
public sealed class InteractionResponse
{
    private readonly byte[] _json;

    private InteractionResponse(byte[] json) => _json = json;

    /// <summary>The JSON object, UTF-8.</summary>
    public ReadOnlyMemory<byte> Json => _json;

    /// <summary><c>{"response_action":"errors","errors":{block_id: message}}</c>: the modal stays open with these messages.</summary>
    public static InteractionResponse Errors(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentOutOfRangeException.ThrowIfZero(errors.Count, nameof(errors));
        return From(new ViewResponseAction("errors") { Errors = errors });
    }

    /// <summary><c>{"response_action":"clear"}</c>: closes every view of the modal.</summary>
    public static InteractionResponse Clear() => From(new ViewResponseAction("clear"));

    /// <summary>
    /// Any other answer (<c>response_action: update|push</c> with a view, <c>options</c> for a
    /// <c>block_suggestion</c>): a JSON object serialised by the caller (with its own source-generated context).
    /// </summary>
    /// <exception cref="ArgumentException">Not exactly one JSON object (nothing may follow it).</exception>
    public static InteractionResponse FromJson(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new ArgumentException("An interaction response must be a JSON object.", nameof(utf8Json));
            }

            reader.Skip();
            // Reading past the object throws when anything but whitespace follows it.
            reader.Read();
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"An interaction response must be valid JSON: {ex.Message}", nameof(utf8Json), ex);
        }

        return new InteractionResponse(utf8Json.ToArray());
    }

    private static InteractionResponse From(ViewResponseAction action) =>
        new(JsonSerializer.SerializeToUtf8Bytes(action, InteractionResponseJsonContext.Default.ViewResponseAction));
}

/// <summary>The answer to a <c>view_submission</c> (slack-platform.md §6).</summary>
public sealed record ViewResponseAction(string ResponseAction)
{
    public IReadOnlyDictionary<string, string>? Errors { get; init; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ViewResponseAction))]
internal sealed partial class InteractionResponseJsonContext : JsonSerializerContext;
