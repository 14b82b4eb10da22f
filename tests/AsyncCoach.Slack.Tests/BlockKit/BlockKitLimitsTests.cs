using AsyncCoach.Slack.BlockKit;

namespace AsyncCoach.Slack.Tests.BlockKit;

public sealed class BlockKitLimitsTests
{
    // Each case builds blocks whose measured quantity is n; at the limit they pass, one over fails at the path.
    private static IEnumerable<TestCaseData> Limits()
    {
        yield return Case("message blocks", 50, BlockSurface.Message, "blocks", n => Dividers(n));
        yield return Case("home tab blocks", 100, BlockSurface.HomeTab, "blocks", n => Dividers(n));
        yield return Case("modal blocks", 100, BlockSurface.Modal, "blocks", n => Dividers(n));
        yield return Case("section text", 3000, BlockSurface.Message, "blocks[0].text.text", n => [SectionBlock.Markdown(Chars(n))]);
        yield return Case("header text", 150, BlockSurface.Message, "blocks[0].text.text", n => [new HeaderBlock(Chars(n))]);
        yield return Case("actions elements", 25, BlockSurface.Message, "blocks[0].elements",
            n => [new ActionsBlock([.. Enumerable.Range(0, n).Select(i => new ButtonElement("b", $"a{i}"))])]);
        yield return Case("context elements", 10, BlockSurface.Message, "blocks[0].elements",
            n => [new ContextBlock([.. Enumerable.Range(0, n).Select(_ => new MarkdownText("c"))])]);
        yield return Case("section fields", 10, BlockSurface.Message, "blocks[0].fields",
            n => [new SectionBlock { Fields = [.. Enumerable.Range(0, n).Select(_ => new MarkdownText("f"))] }]);
        yield return Case("field text", 2000, BlockSurface.Message, "blocks[0].fields[1].text",
            n => [new SectionBlock { Fields = [new MarkdownText("ok"), new MarkdownText(Chars(n))] }]);
        yield return Case("block_id", 255, BlockSurface.Message, "blocks[0].block_id", n => [new DividerBlock { BlockId = Chars(n) }]);
        yield return Case("button text", 75, BlockSurface.Message, "blocks[0].elements[0].text.text",
            n => [new ActionsBlock([new ButtonElement(Chars(n), "a")])]);
        yield return Case("button value", 2000, BlockSurface.Message, "blocks[0].elements[0].value",
            n => [new ActionsBlock([new ButtonElement("b", "a", Chars(n))])]);
        yield return Case("action_id", 255, BlockSurface.Message, "blocks[0].elements[0].action_id",
            n => [new ActionsBlock([new ButtonElement("b", Chars(n))])]);
        yield return Case("button url", 3000, BlockSurface.Message, "blocks[0].elements[0].url",
            n => [new ActionsBlock([new ButtonElement("b", "a") { Url = Chars(n) }])]);
        yield return Case("accessory button text", 75, BlockSurface.Message, "blocks[0].accessory.text.text",
            n => [SectionBlock.Markdown("s") with { Accessory = new ButtonElement(Chars(n), "a") }]);
        yield return Case("input label", 2000, BlockSurface.Modal, "blocks[0].label.text",
            n => [new InputBlock(Chars(n), new PlainTextInputElement("a"), "b")]);
        yield return Case("input hint", 2000, BlockSurface.Modal, "blocks[0].hint.text",
            n => [new InputBlock("l", new PlainTextInputElement("a"), "b") { Hint = new PlainText(Chars(n)) }]);
        yield return Case("input placeholder", 150, BlockSurface.Modal, "blocks[0].element.placeholder.text",
            n => [new InputBlock("l", new PlainTextInputElement("a") { Placeholder = new PlainText(Chars(n)) }, "b")]);
        yield return Case("input initial value", 3000, BlockSurface.Modal, "blocks[0].element.initial_value",
            n => [new InputBlock("l", new PlainTextInputElement("a") { InitialValue = Chars(n) }, "b")]);
    }

    [TestCaseSource(nameof(Limits))]
    public void A_limit_is_allowed_exactly_and_refused_one_over(int limit, BlockSurface surface, string path, Func<int, IReadOnlyList<Block>> build)
    {
        Assert.That(BlockKitLimits.Validate(build(limit), surface), Is.Empty);

        var violations = BlockKitLimits.Validate(build(limit + 1), surface);

        Assert.That(violations, Has.Count.EqualTo(1));
        Assert.That(violations[0].Path, Is.EqualTo(path));
        Assert.That(violations[0].Problem, Does.Contain((limit + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .And.Contain(limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void Fifty_one_blocks_fit_a_home_tab_but_not_a_message()
    {
        var blocks = Dividers(51);

        Assert.That(BlockKitLimits.Validate(blocks, BlockSurface.HomeTab), Is.Empty);
        Assert.That(BlockKitLimits.Validate(blocks, BlockSurface.Message).Single().ToString(),
            Is.EqualTo("blocks: 51 blocks; a message holds at most 50"));
    }

    [Test]
    public void A_repeated_block_id_is_refused()
    {
        var violations = BlockKitLimits.Validate([new DividerBlock { BlockId = "x" }, new DividerBlock { BlockId = "x" }]);

        Assert.That(violations.Single().Path, Is.EqualTo("blocks[1].block_id"));
    }

    [Test]
    public void A_repeated_action_id_within_a_block_is_refused()
    {
        var violations = BlockKitLimits.Validate([new ActionsBlock([new ButtonElement("a", "same"), new ButtonElement("b", "same")])]);

        Assert.That(violations.Single().Path, Is.EqualTo("blocks[0].elements[1].action_id"));
    }

    [Test]
    public void A_section_without_text_or_fields_is_refused()
    {
        var violations = BlockKitLimits.Validate([new SectionBlock()]);

        Assert.That(violations.Single().Path, Is.EqualTo("blocks[0]"));
    }

    [Test]
    public void Every_broken_limit_is_reported_not_just_the_first()
    {
        var violations = BlockKitLimits.Validate(
        [
            new HeaderBlock(Chars(151)),
            new ActionsBlock([new ButtonElement(Chars(76), "a", Chars(2001))]),
        ]);

        Assert.That(violations.Select(v => v.Path), Is.EquivalentTo(new[]
        {
            "blocks[0].text.text", "blocks[1].elements[0].text.text", "blocks[1].elements[0].value",
        }));
    }

    [Test]
    public void A_message_needs_fallback_text()
    {
        Assert.That(new SlackMessage(" ", [new DividerBlock()]).Validate().Single().Path, Is.EqualTo("text"));
        Assert.That(new SlackMessage("fallback", [new DividerBlock()]).Validate(), Is.Empty);
    }

    private static TestCaseData Case(string name, int limit, BlockSurface surface, string path, Func<int, IReadOnlyList<Block>> build) =>
        new TestCaseData(limit, surface, path, build).SetArgDisplayNames(name);

    private static Block[] Dividers(int count) => [.. Enumerable.Range(0, count).Select(_ => new DividerBlock())];

    private static string Chars(int count) => new('x', count);
}
