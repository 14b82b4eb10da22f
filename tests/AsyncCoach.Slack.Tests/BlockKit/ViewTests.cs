using System.Text.Json;
using AsyncCoach.Slack.BlockKit;
using AsyncCoach.Slack.WebApi;

namespace AsyncCoach.Slack.Tests.BlockKit;

public sealed class ViewTests
{
    private static ModalView Modal(string title = "Working hours", PlainText? submit = null, params Block[] blocks) =>
        new(title, blocks.Length == 0 ? [new InputBlock("Hours", new PlainTextInputElement("value"), "hours")] : blocks)
        {
            Submit = submit ?? new PlainText("Save"),
        };

    [Test]
    public void A_modal_with_an_input_serialises_as_Slack_documents_it()
    {
        var modal = Modal() with { CallbackId = "home:hours", Close = new PlainText("Cancel") };

        Assert.That(JsonSerializer.Serialize(modal, SlackJsonContext.Default.ModalView), Is.EqualTo(
            """{"type":"modal","title":{"type":"plain_text","text":"Working hours"},"blocks":[{"type":"input","label":{"type":"plain_text","text":"Hours"},"element":{"type":"plain_text_input","action_id":"value"},"block_id":"hours"}],"submit":{"type":"plain_text","text":"Save"},"close":{"type":"plain_text","text":"Cancel"},"callback_id":"home:hours"}"""));
        Assert.That(modal.Validate(), Is.Empty);
    }

    [Test]
    public void A_modal_title_is_at_most_24_characters()
    {
        Assert.That(Modal(new string('t', 24)).Validate(), Is.Empty);
        Assert.That(Modal(new string('t', 25)).Validate().Select(v => v.Path), Is.EqualTo(new[] { "title.text" }));
    }

    [Test]
    public void A_modal_with_an_input_needs_a_submit_button()
    {
        var modal = Modal() with { Submit = null };

        Assert.That(modal.Validate().Select(v => v.ToString()), Is.EqualTo(new[] { "submit: a modal with an input block needs a submit button" }));
    }

    [Test]
    public void An_input_without_a_block_id_is_refused_because_its_value_could_not_be_found()
    {
        var modal = Modal(blocks: new InputBlock(new PlainText("Hours"), new PlainTextInputElement("value")));

        Assert.That(modal.Validate().Select(v => v.Path), Is.EqualTo(new[] { "blocks[0].block_id" }));
    }

    [Test]
    public void The_home_tab_holds_100_blocks_and_no_inputs()
    {
        Assert.That(new HomeView([.. Enumerable.Range(0, 100).Select(_ => new DividerBlock())]).Validate(), Is.Empty);
        Assert.That(new HomeView([.. Enumerable.Range(0, 101).Select(_ => new DividerBlock())]).Validate().Select(v => v.Path), Is.EqualTo(new[] { "blocks" }));
        Assert.That(new HomeView([new InputBlock("Hours", new PlainTextInputElement("value"), "hours")]).Validate().Select(v => v.Path), Is.EqualTo(new[] { "blocks[0]" }));
    }

    [Test]
    public void A_view_over_250_kB_of_JSON_is_refused()
    {
        // 90 sections of 2,900 chars each: every block within its own limit, the whole too large.
        var big = new HomeView([.. Enumerable.Range(0, 90).Select(i => SectionBlock.Markdown(new string('x', 2900), $"s{i}"))]);

        Assert.That(big.Validate().Select(v => v.Path), Is.EqualTo(new[] { "view" }));
    }
}
