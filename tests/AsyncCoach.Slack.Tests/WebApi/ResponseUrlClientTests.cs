using AsyncCoach.Slack.BlockKit;
using AsyncCoach.Slack.Tests.Support;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Tests.Fakes;

namespace AsyncCoach.Slack.Tests.WebApi;

public sealed class ResponseUrlClientTests
{
    [Test]
    public async Task Posts_the_message_as_json_without_the_bot_token()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        var url = harness.Slack.ResponseUrl("T1/123/abc");
        harness.Slack.Enqueue("hooks/T1/123/abc", FakeResponse.Text("ok"));

        await harness.ResponseUrl.PostAsync(url, new ResponseUrlMessage("Done", [new DividerBlock()]) { ReplaceOriginal = true });

        var call = harness.Slack.CallsTo("hooks/T1/123/abc").Single();
        Assert.That(call.Header("Authorization"), Is.Null);
        Assert.That(call.Body, Is.EqualTo("""{"text":"Done","blocks":[{"type":"divider"}],"replace_original":true}"""));
    }

    [TestCase(404, "expired_url", "expired_url")]
    [TestCase(200, """{"ok":false,"error":"used_url"}""", "used_url")]
    [TestCase(500, "<html>upstream error</html>", "http_500")]
    public async Task A_refusal_surfaces_as_a_typed_error(int status, string body, string expected)
    {
        await using var harness = await SlackApiHarness.StartAsync(new Dictionary<string, string?> { ["Slack:MaxRetryAttempts"] = "1" });
        harness.Slack.SetDefault("hooks/r", FakeResponse.Text(body, status));

        var post = harness.ResponseUrl.PostAsync(harness.Slack.ResponseUrl("r"), new ResponseUrlMessage("x"));
        if (status >= 500)
        {
            await harness.AdvancePastBackoffAsync();
        }

        var error = await Expect.SlackErrorAsync(() => post.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.That(error.Method, Is.EqualTo("response_url"));
        Assert.That(error.Error, Is.EqualTo(expected));
    }
}
