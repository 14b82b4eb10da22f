using System.Text.Json.Nodes;
using AsyncCoach.Slack.Tests.Support;
using AsyncCoach.Tests.Fakes;

namespace AsyncCoach.Slack.Tests.WebApi;

/// <summary>
/// <c>users.list</c>: no recorded answer of it is among the shared fixtures, so its page is built
/// from the user objects of the recorded <c>users.info</c> answers (the same user shape, per Slack's
/// reference), in the <c>members</c> + <c>response_metadata.next_cursor</c> envelope.
/// </summary>
public sealed class UsersListTests
{
    [Test]
    public async Task A_page_asks_with_limit_and_cursor_and_reads_real_user_objects_and_the_next_cursor()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        var recorded = JsonNode.Parse(Fixtures.Read("web-api/zulip-slack_users_info_api_response.json"))!["user"]!.DeepClone();
        harness.Slack.Enqueue("users.list", FakeResponse.Ok(new JsonObject
        {
            ["members"] = new JsonArray(recorded),
            ["cache_ts"] = 1498777272,
            ["response_metadata"] = new JsonObject { ["next_cursor"] = "dXNlcjpVMEc5V0ZYTlo=" },
        }));

        var page = await harness.Api.ListUsersAsync(cursor: "dXNlcjpVMDYxTkZUVDI=", limit: 200);

        var call = harness.Slack.CallsTo("users.list").Single();
        Assert.That(call.Arg("limit"), Is.EqualTo("200"));
        Assert.That(call.Arg("cursor"), Is.EqualTo("dXNlcjpVMDYxTkZUVDI="));
        var user = page.Members.Single();
        Assert.That(user.Id, Is.EqualTo("W012A3CDE"));
        Assert.That(user.Tz, Is.EqualTo("America/Los_Angeles"));
        Assert.That(user.Profile?.DisplayName, Is.EqualTo("john"));
        Assert.That(page.NextCursor, Is.EqualTo("dXNlcjpVMEc5V0ZYTlo="));
    }

    [Test]
    public async Task The_first_page_sends_no_cursor_and_the_last_page_has_none()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue("users.list", FakeResponse.Ok("""{"members":[],"response_metadata":{"next_cursor":""}}"""));

        var page = await harness.Api.ListUsersAsync();

        Assert.That(harness.Slack.CallsTo("users.list").Single().Arg("cursor"), Is.Null);
        Assert.That(page.Members, Is.Empty);
        Assert.That(page.NextCursor, Is.Null);
    }

    [Test]
    public async Task A_missing_scope_is_reported_with_what_was_needed()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue("users.list", FakeResponse.Error("missing_scope", needed: "users:read", provided: "chat:write"));

        var error = await Expect.SlackErrorAsync(() => harness.Api.ListUsersAsync());

        Assert.That(error.Error, Is.EqualTo("missing_scope"));
        Assert.That(error.Needed, Is.EqualTo("users:read"));
    }
}
