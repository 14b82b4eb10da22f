using System.Text.Json;
using System.Text.Json.Serialization;

namespace AsyncCoach.Slack.BlockKit;

/// <summary>
/// Writes a list of blocks with <see cref="Utf8JsonWriter"/> calls, the same JSON as the
/// source-generated metadata (<see cref="BlockJsonContext"/>; <c>BlockListConverterTests</c> checks
/// every block, element and text type byte for byte). Why: blocks are polymorphic, which the
/// generator's fast path does not serialize, and the metadata path keeps a stack of ~200-byte
/// frames per nesting level, allocated anew for every request (2.3–2.8 KB of a nudge's 5.9 KB
/// <c>chat.postEphemeral</c>; docs/decisions.md). A converter is written as one value, so none of
/// the list's levels pushes a frame. Reading (a stored request read back) is the generated code's.
/// A block type this writer does not know is written by the generated code as well.
/// </summary>
public sealed class BlockListConverter : JsonConverter<IReadOnlyList<Block>>
{
    public override IReadOnlyList<Block>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize(ref reader, BlockJsonContext.Default.IReadOnlyListBlock);

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<Block> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var block in value)
        {
            WriteBlock(writer, block);
        }

        writer.WriteEndArray();
    }

    private static void WriteBlock(Utf8JsonWriter writer, Block block)
    {
        switch (block)
        {
            case SectionBlock section:
                Start(writer, "section");
                Text(writer, "text", section.Text);
                if (section.Fields is { } fields)
                {
                    Texts(writer, "fields", fields);
                }

                if (section.Accessory is { } accessory)
                {
                    writer.WritePropertyName("accessory");
                    WriteElement(writer, accessory);
                }

                break;
            case ContextBlock context:
                Start(writer, "context");
                Texts(writer, "elements", context.Elements);
                break;
            case ActionsBlock actions:
                Start(writer, "actions");
                writer.WriteStartArray("elements");
                foreach (var element in actions.Elements)
                {
                    WriteElement(writer, element);
                }

                writer.WriteEndArray();
                break;
            case DividerBlock divider:
                Start(writer, "divider");
                break;
            case HeaderBlock header:
                Start(writer, "header");
                Text(writer, "text", header.Text);
                break;
            case InputBlock input:
                Start(writer, "input");
                Text(writer, "label", input.Label);
                writer.WritePropertyName("element");
                WriteElement(writer, input.Element);
                Text(writer, "hint", input.Hint);
                Bool(writer, "optional", input.Optional);
                break;
            default:
                JsonSerializer.Serialize(writer, block, BlockJsonContext.Default.Block);
                return;
        }

        String(writer, "block_id", block.BlockId);
        writer.WriteEndObject();
    }

    private static void WriteElement(Utf8JsonWriter writer, BlockElement element)
    {
        switch (element)
        {
            case ButtonElement button:
                Start(writer, "button");
                Text(writer, "text", button.Text);
                String(writer, "value", button.Value);
                if (button.Style is { } style)
                {
                    writer.WriteString("style", style == ButtonStyle.Primary ? "primary" : "danger");
                }

                String(writer, "url", button.Url);
                String(writer, "accessibility_label", button.AccessibilityLabel);
                break;
            case PlainTextInputElement input:
                Start(writer, "plain_text_input");
                String(writer, "initial_value", input.InitialValue);
                Text(writer, "placeholder", input.Placeholder);
                Bool(writer, "multiline", input.Multiline);
                Number(writer, "min_length", input.MinLength);
                Number(writer, "max_length", input.MaxLength);
                break;
            default:
                JsonSerializer.Serialize(writer, element, BlockJsonContext.Default.BlockElement);
                return;
        }

        String(writer, "action_id", element.ActionId);
        writer.WriteEndObject();
    }

    private static void Texts(Utf8JsonWriter writer, string name, IReadOnlyList<TextObject> texts)
    {
        writer.WriteStartArray(name);
        foreach (var text in texts)
        {
            WriteText(writer, text);
        }

        writer.WriteEndArray();
    }

    private static void Text(Utf8JsonWriter writer, string name, TextObject? text)
    {
        if (text is not null)
        {
            writer.WritePropertyName(name);
            WriteText(writer, text);
        }
    }

    private static void WriteText(Utf8JsonWriter writer, TextObject text)
    {
        switch (text)
        {
            case MarkdownText markdown:
                writer.WriteStartObject();
                writer.WriteString("type", "mrkdwn");
                Bool(writer, "verbatim", markdown.Verbatim);
                writer.WriteString("text", markdown.Text);
                break;
            case PlainText plain when plain.GetType() == typeof(PlainText):
                writer.WriteStartObject();
                writer.WriteString("type", "plain_text");
                Bool(writer, "emoji", plain.Emoji);
                writer.WriteString("text", plain.Text);
                break;
            default:
                JsonSerializer.Serialize(writer, text, BlockJsonContext.Default.TextObject);
                return;
        }

        writer.WriteEndObject();
    }

    // The order is the generated code's: the discriminator, the record's own members, then its
    // base record's (block_id, action_id, a text object's text).
    private static void Start(Utf8JsonWriter writer, string type)
    {
        writer.WriteStartObject();
        writer.WriteString("type", type);
    }

    private static void String(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void Bool(Utf8JsonWriter writer, string name, bool? value)
    {
        if (value is { } flag)
        {
            writer.WriteBoolean(name, flag);
        }
    }

    private static void Number(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }
}
