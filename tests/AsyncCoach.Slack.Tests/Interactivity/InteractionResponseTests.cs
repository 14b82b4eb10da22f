using System.Text;
using AsyncCoach.Slack.Interactivity;

namespace AsyncCoach.Slack.Tests.Interactivity;

public sealed class InteractionResponseTests
{
    [Test]
    public void Errors_are_written_as_Slack_documents_them()
    {
        var json = InteractionResponse.Errors(new Dictionary<string, string> { ["block-1"] = "Too long" }).Json;

        Assert.That(Encoding.UTF8.GetString(json.Span), Is.EqualTo("""{"response_action":"errors","errors":{"block-1":"Too long"}}"""));
    }

    [Test]
    public void Clear_is_written_as_Slack_documents_it() =>
        Assert.That(Encoding.UTF8.GetString(InteractionResponse.Clear().Json.Span), Is.EqualTo("""{"response_action":"clear"}"""));

    [Test]
    public void Any_JSON_object_is_taken_as_it_is()
    {
        var json = """{"options":[{"text":{"type":"plain_text","text":"a"},"value":"1"}]}"""u8;

        Assert.That(InteractionResponse.FromJson(json).Json.ToArray(), Is.EqualTo(json.ToArray()));
    }

    [TestCase("[1]", "must be a JSON object")]
    [TestCase("{} {}", "valid JSON")]
    [TestCase("{\"a\":", "valid JSON")]
    [TestCase("", "valid JSON")]
    public void Anything_but_one_JSON_object_is_refused(string json, string reason) =>
        Assert.That(() => InteractionResponse.FromJson(Encoding.UTF8.GetBytes(json)), Throws.ArgumentException.With.Message.Contains(reason));

    [Test]
    public void Errors_need_at_least_one_message() =>
        Assert.That(() => InteractionResponse.Errors(new Dictionary<string, string>()), Throws.InstanceOf<ArgumentOutOfRangeException>());
}
