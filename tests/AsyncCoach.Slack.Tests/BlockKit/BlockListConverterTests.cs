using System.Text.Json;
using AsyncCoach.Slack.BlockKit;
using AsyncCoach.Slack.WebApi;

namespace AsyncCoach.Slack.Tests.BlockKit;

public sealed class BlockListConverterTests
{
    // Every block, element and text type, each optional member set and unset, text that needs escaping.
    private static IEnumerable<TestCaseData> Lists()
    {
        yield return Case("every optional member unset",
            new HeaderBlock("Async tip"),
            SectionBlock.Markdown("*Say what you need*"),
            new SectionBlock { Fields = [new MarkdownText("*Rule*"), new PlainText("bare hello")] },
            new ContextBlock([new MarkdownText("Why")]),
            new DividerBlock(),
            new ActionsBlock([new ButtonElement(new PlainText("Go"))]),
            new InputBlock(new PlainText("Hours"), new PlainTextInputElement("hours")));
        yield return Case("every optional member set",
            new HeaderBlock(new PlainText("Tip") { Emoji = true }) { BlockId = "h" },
            SectionBlock.Markdown("body", blockId: "tip") with
            {
                Fields = [new MarkdownText("a") { Verbatim = false }, new PlainText("b") { Emoji = false }],
                Accessory = new ButtonElement("Snooze", "snooze", "1d") { Style = ButtonStyle.Danger, Url = "https://example.com/a?b=c&d", AccessibilityLabel = "snooze it" },
            },
            new ContextBlock([new MarkdownText("Why") { Verbatim = true }, new PlainText("plain") { Emoji = true }]) { BlockId = "c" },
            new DividerBlock { BlockId = "d" },
            new ActionsBlock(
            [
                new ButtonElement("Helpful", "feedback.helpful", "yes") { Style = ButtonStyle.Primary },
                new PlainTextInputElement("note") { InitialValue = "x", Placeholder = new PlainText("y"), Multiline = true, MinLength = 1, MaxLength = 3000 },
            ])
            { BlockId = "feedback" },
            new InputBlock("Hours", new PlainTextInputElement("hours") { Multiline = false }, "hours-block")
            {
                Hint = new PlainText("09:00-17:00") { Emoji = true },
                Optional = true,
            },
            new SectionBlock { Text = new PlainText("plain section"), Accessory = new PlainTextInputElement("odd") });
        yield return Case("text that needs escaping",
            SectionBlock.Markdown("*“asap”* <@U1> & \"quotes\" \\ \n tab\t é 😀 </script>"),
            new ContextBlock([new PlainText("\u0001 control \u2028 separator")]));
        yield return Case("an empty list");
    }

    [TestCaseSource(nameof(Lists))]
    public void Writes_what_the_generated_code_writes(IReadOnlyList<Block> blocks)
    {
        var generated = JsonSerializer.Serialize(blocks, BlockJsonContext.Default.IReadOnlyListBlock);

        var written = JsonSerializer.Serialize(blocks, SlackJsonContext.Default.IReadOnlyListBlock);

        Assert.That(written, Is.EqualTo(generated));
    }

    [TestCaseSource(nameof(Lists))]
    public void Reads_back_what_it_wrote(IReadOnlyList<Block> blocks)
    {
        var request = new PostEphemeralRequest("C1", "U1", "fallback", blocks);
        var json = JsonSerializer.Serialize(request, SlackJsonContext.Default.PostEphemeralRequest);

        var read = JsonSerializer.Deserialize(json, SlackJsonContext.Default.PostEphemeralRequest);

        Assert.That(read?.Blocks, Has.Count.EqualTo(blocks.Count));
        Assert.That(JsonSerializer.Serialize(read, SlackJsonContext.Default.PostEphemeralRequest), Is.EqualTo(json));
    }

    [Test]
    public void A_block_type_it_does_not_know_is_written_by_the_generated_code()
    {
        IReadOnlyList<Block> blocks = [new UnknownBlock { BlockId = "u" }];

        var written = () => JsonSerializer.Serialize(blocks, SlackJsonContext.Default.IReadOnlyListBlock);

        // The generated code refuses an undeclared derived type, as it did before the converter.
        Assert.That(written, Throws.InstanceOf<NotSupportedException>());
    }

    [Test]
    public void A_request_with_blocks_is_written_without_the_frame_stack()
    {
        var request = new PostEphemeralRequest("C1", "U1", "fallback",
            [SectionBlock.Markdown("*“asap”* doesn't say by when."), new ContextBlock([new MarkdownText("Why")]), new ActionsBlock([new ButtonElement("Helpful", "helpful", "yes")])]);
        using var writer = new Utf8JsonWriter(Stream.Null);
        JsonSerializer.Serialize(writer, request, SlackJsonContext.Default.PostEphemeralRequest); // first use builds the metadata

        var before = GC.GetAllocatedBytesForCurrentThread();
        writer.Reset(Stream.Null);
        JsonSerializer.Serialize(writer, request, SlackJsonContext.Default.PostEphemeralRequest);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The generated code allocated ~2.5 KB here (a stack of frames for the blocks' nesting).
        Assert.That(allocated, Is.LessThan(512));
    }

    private static TestCaseData Case(string name, params Block[] blocks) => new TestCaseData((IReadOnlyList<Block>)blocks).SetName(name);

    private sealed record UnknownBlock : Block;
}
