using System.Text.Json;
using AsyncCoach.Slack.Tests.Support;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Tests.Fakes;

namespace AsyncCoach.Slack.Tests.WebApi;

/// <summary>Real recorded answers (VCR cassettes, Zulip captures) go through the real client.</summary>
public sealed class FixtureParsingTests
{
    [Test]
    public async Task The_recorded_auth_test_answer_parses()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue("auth.test", new FakeResponse(200, Fixtures.VcrResponse("web-api/slack-ruby-client-vcr/auth_test_success.yml", "auth.test")));

        var result = await harness.Api.AuthTestAsync();

        Assert.That(result.Url, Is.EqualTo("https://rubybot.slack.com/"));
        Assert.That(result.TeamId, Is.EqualTo("TDEADBEEF"));
        Assert.That(result.UserId, Is.EqualTo("UBAADFOOD"));
        Assert.That(result.BotId, Is.EqualTo("B0J1L75DY"));
        Assert.That(result.IsEnterpriseInstall, Is.False);
    }

    [Test]
    public async Task The_recorded_users_info_of_a_deleted_bot_parses()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue("users.info", new FakeResponse(200, Fixtures.VcrResponse("web-api/slack-ruby-client-vcr/users_info.yml", "users.info")));

        var user = await harness.Api.GetUserInfoAsync("U07KECJ77");

        Assert.That(harness.Slack.CallsTo("users.info").Single().Arg("user"), Is.EqualTo("U07KECJ77"));
        Assert.That(user.Id, Is.EqualTo("U07KECJ77"));
        Assert.That(user.Name, Is.EqualTo("aws"));
        Assert.That(user.Deleted, Is.True);
        Assert.That(user.IsBot, Is.True);
        Assert.That(user.Profile?.RealName, Is.EqualTo("AWS Cloud"));
        Assert.That(user.Profile?.BotId, Is.EqualTo("B07KECJ6R"));
    }

    [Test]
    public async Task The_zulip_users_info_answer_gives_time_zone_and_roles()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue("users.info", new FakeResponse(200, Fixtures.Read("web-api/zulip-slack_users_info_api_response.json")));

        var user = await harness.Api.GetUserInfoAsync("W012A3CDE");

        Assert.That(user.Tz, Is.EqualTo("America/Los_Angeles"));
        Assert.That(user.TzOffset, Is.EqualTo(-25200));
        Assert.That(user.UtcOffset, Is.EqualTo(TimeSpan.FromHours(-7)));
        Assert.That(user.IsAdmin, Is.True);
        Assert.That(user.IsOwner, Is.False);
        Assert.That(user.IsBot, Is.False);
        Assert.That(user.IsAppUser, Is.False);
        Assert.That(user.Deleted, Is.False);
        Assert.That(user.Profile?.DisplayName, Is.EqualTo("john"));
        Assert.That(user.Profile?.RealName, Is.EqualTo("John Doe"));
    }

    [Test]
    public async Task The_recorded_conversations_info_of_an_mpim_parses()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue("conversations.info", new FakeResponse(200, Fixtures.VcrResponse("web-api/slack-ruby-client-vcr/conversations_info.yml", "conversations.info")));

        var channel = await harness.Api.GetConversationInfoAsync("G0K7EV5A7");

        Assert.That(channel.Id, Is.EqualTo("G0K7EV5A7"));
        Assert.That(channel.Name, Is.EqualTo("mpdm-dblock--rubybot--player1-1"));
        Assert.That(channel.IsMpim, Is.True);
        Assert.That(channel.IsGroup, Is.True);
        Assert.That(channel.IsIm, Is.False);
        Assert.That(channel.IsArchived, Is.False);
        Assert.That(channel.NumMembers, Is.Null);
    }

    [Test]
    public async Task The_zulip_conversations_info_answer_parses()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue("conversations.info", new FakeResponse(200, Fixtures.Read("web-api/zulip-slack_conversations_info_api_response.json")));

        var channel = await harness.Api.GetConversationInfoAsync("C012AB3CD");

        Assert.That(channel.Id, Is.EqualTo("C012AB3CD"));
        Assert.That(channel.Name, Is.EqualTo("general"));
        Assert.That(channel.IsChannel, Is.True);
        Assert.That(channel.IsPrivate, Is.False);
        Assert.That(channel.IsGeneral, Is.True);
    }

    // Schema skeletons carry every field ever observed with placeholder values (and ok:false),
    // so they only prove the models tolerate every field and type, never values.
    [Test]
    public void Every_field_of_the_schema_skeletons_is_tolerated()
    {
        var json = SlackJsonContext.Default;
        Assert.Multiple(() =>
        {
            Assert.That(JsonSerializer.Deserialize(Schema("auth.test"), json.AuthTestResponse), Is.Not.Null);
            Assert.That(JsonSerializer.Deserialize(Schema("users.info"), json.UsersInfoResponse)?.User, Is.Not.Null);
            Assert.That(JsonSerializer.Deserialize(Schema("conversations.info"), json.ConversationsInfoResponse)?.Channel, Is.Not.Null);
            Assert.That(JsonSerializer.Deserialize(Schema("chat.postEphemeral"), json.PostEphemeralResponse), Is.Not.Null);
            Assert.That(JsonSerializer.Deserialize(Schema("views.publish"), json.PublishViewResponse)?.View, Is.Not.Null);
        });
    }

    private static string Schema(string method) => Fixtures.Read($"schema/java-slack-sdk/api/{method}.json");
}
