using System.Net;
using System.Text;
using AsyncCoach.Tests.Infrastructure;

namespace AsyncCoach.Tests.Endpoints;

public sealed class EventsEndpointTests : ServiceTest
{
    [Test]
    public async Task Answers_url_verification_with_the_challenge_from_Slacks_fixture()
    {
        var body = Payloads.Fixture("events/zulip-challenge_handshake_payload.json");

        using var response = await Client.SendAsync(Factory.SignedRequest("/slack/events", body));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));
    }

    [Test]
    public async Task An_acknowledged_event_callback_gets_its_inbox_row_when_processed()
    {
        // Durable at acknowledgement is the journal's part (InboxWriterTests, InboxJournalTests).
        using var response = await Client.SendAsync(Factory.SignedRequest("/slack/events", Payloads.MessageEvent("Ev001", channel: "C42")));
        await Factory.Processed.WaitForAsync(1);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var rows = await TestDatabase.InboxAsync(Factory.DatabasePath);
        Assert.That(rows, Has.Count.EqualTo(1));
        Assert.That(rows[0].EventId, Is.EqualTo("Ev001"));
        Assert.That(rows[0].ChannelId, Is.EqualTo("C42"));
        Assert.That(rows[0].EventType, Is.EqualTo("message"));
    }

    [Test]
    public async Task Stores_each_real_Slack_event_fixture([Values(
        "events/zulip-message_with_normal_text.json",
        "events/zulip-message_with_user_mentions.json",
        "events/zulip-message_with_channel_and_user_mentions.json",
        "events/zulip-message_with_workspace_mentions.json",
        "events/zulip-message_from_slack_integration_bot.json",
        "events/botbuilder-MessageBody-im.json")] string fixture)
    {
        using var response = await Client.SendAsync(Factory.SignedRequest("/slack/events", Payloads.Fixture(fixture)));
        await Factory.Processed.WaitForAsync(1);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await TestDatabase.InboxAsync(Factory.DatabasePath), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_Slack_retry_of_a_stored_event_is_acknowledged_and_not_stored_again()
    {
        var body = Payloads.MessageEvent("EvRetry");
        using var first = await Client.SendAsync(Factory.SignedRequest("/slack/events", body));
        await Factory.Processed.WaitForAsync(1);
        using var retry = Factory.SignedRequest("/slack/events", body);
        retry.Headers.Add("X-Slack-Retry-Num", "1");
        retry.Headers.Add("X-Slack-Retry-Reason", "http_timeout");

        using var second = await Client.SendAsync(retry);
        var outcomes = await Factory.Processed.WaitForAsync(2);

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(outcomes.Select(o => o.Duplicate), Is.EqualTo(new[] { false, true }));
        Assert.That(await TestDatabase.InboxAsync(Factory.DatabasePath), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Concurrent_deliveries_of_one_event_store_it_once()
    {
        var body = Payloads.MessageEvent("EvRace");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Client.SendAsync(Factory.SignedRequest("/slack/events", body))));
        var outcomes = await Factory.Processed.WaitForAsync(20);

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(outcomes.Count(o => !o.Duplicate), Is.EqualTo(1), "processed once");
        Assert.That(await TestDatabase.InboxAsync(Factory.DatabasePath), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Many_concurrent_distinct_events_are_all_stored()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            Client.SendAsync(Factory.SignedRequest("/slack/events", Payloads.MessageEvent($"EvMany{i}")))));
        await Factory.Processed.WaitForAsync(200);

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(await TestDatabase.InboxAsync(Factory.DatabasePath), Has.Count.EqualTo(200));
    }

    [Test]
    public async Task An_event_the_inbox_cannot_store_gets_503_so_Slack_retries_it()
    {
        // The journal's first file cannot be created: its name is taken by a folder.
        var blocker = Path.Combine(Factory.DatabasePath + ".inbox", "00000000000000000000.journal");
        Directory.CreateDirectory(blocker);
        using var refused = await Client.SendAsync(Factory.SignedRequest("/slack/events", Payloads.MessageEvent("EvRefused")));

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await refused.Content.ReadAsStringAsync(), Is.EqualTo("the inbox is unavailable; retry later\n"));

        Directory.Delete(blocker);
        using var retry = Factory.SignedRequest("/slack/events", Payloads.MessageEvent("EvRefused"));
        retry.Headers.Add("X-Slack-Retry-Num", "1");
        using var stored = await Client.SendAsync(retry);
        var outcomes = await Factory.Processed.WaitForAsync(1);

        Assert.That(stored.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(outcomes, Has.Count.EqualTo(1), "the refused delivery was not kept");
        Assert.That((await TestDatabase.InboxAsync(Factory.DatabasePath)).Select(r => r.EventId), Is.EqualTo(new[] { "EvRefused" }));
    }

    [TestCase("""{"type":"event_callback","team_id":"T1","event_id":"Ev1","event":{"type":"reaction_added","user":"U1"}}""")]
    [TestCase("""{"type":"event_callback","team_id":"T1","event_id":"Ev2","event":{"type":"team_join","user":{"id":"U9","tz":"Europe/Berlin"}}}""")]
    [TestCase("""{"type":"app_rate_limited","team_id":"T1","minute_rate_limited":1518467820,"api_app_id":"A1"}""")]
    [TestCase("""{"type":"something_new","team_id":"T1"}""")]
    public async Task Unknown_event_types_are_acknowledged(string body)
    {
        using var response = await Client.SendAsync(Factory.SignedRequest("/slack/events", body));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("{not json", "malformed JSON")]
    [TestCase("[1,2,3]", "malformed JSON")]
    [TestCase("null", "JSON object")]
    [TestCase("""{"team_id":"T1"}""", "missing field: type")]
    [TestCase("""{"type":"url_verification"}""", "without a challenge")]
    [TestCase("""{"type":"event_callback","team_id":"T1","event":{"type":"message"}}""", "without event_id")]
    [TestCase("""{"type":"event_callback","event_id":"Ev1","event":{"type":"message"}}""", "without team_id")]
    [TestCase("""{"type":"event_callback","event_id":"Ev1","team_id":"T1"}""", "without event")]
    [TestCase("""{"type":"event_callback","event_id":"Ev1","team_id":"T1","event":{"user":"U1"}}""", "without event.type")]
    [TestCase("""{"type":"event_callback","event_id":5,"team_id":"T1","event":{"type":"message"}}""", "malformed JSON")]
    public async Task Malformed_bodies_with_a_valid_signature_get_400_with_the_reason(string body, string reason)
    {
        using var response = await Client.SendAsync(Factory.SignedRequest("/slack/events", body));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(reason));
        await AssertOnlyTheNextEventIsProcessedAsync();
    }

    [TestCase("event_id", "event_id")]
    [TestCase("team_id", "team_id")]
    [TestCase("channel", "event.channel")]
    public async Task Ids_longer_than_any_of_Slacks_get_400_naming_the_field(string field, string named)
    {
        var ids = new Dictionary<string, string> { ["event_id"] = "EvLong", ["team_id"] = "T1", ["channel"] = "C1" };
        ids[field] = new string('X', 256);
        var body = $$$"""{"type":"event_callback","event_id":"{{{ids["event_id"]}}}","team_id":"{{{ids["team_id"]}}}","event":{"type":"message","channel":"{{{ids["channel"]}}}","user":"U1","text":"hi","ts":"1.000001"}}""";

        using var response = await Client.SendAsync(Factory.SignedRequest("/slack/events", body));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo($"{named} is longer than 255 characters\n"));
        await AssertOnlyTheNextEventIsProcessedAsync();
    }

    /// <summary>A refused body was not kept: the next good event is the first the processor sees.</summary>
    private async Task AssertOnlyTheNextEventIsProcessedAsync()
    {
        using var good = await Client.SendAsync(Factory.SignedRequest("/slack/events", Payloads.MessageEvent("EvAfterBad")));
        Assert.That(good.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await Factory.Processed.WaitForAsync(1), Has.Count.EqualTo(1));
        Assert.That((await TestDatabase.InboxAsync(Factory.DatabasePath)).Select(r => r.EventId), Is.EqualTo(new[] { "EvAfterBad" }));
    }

    [Test]
    public async Task A_body_over_one_MiB_gets_413()
    {
        var body = Payloads.MessageEvent("EvBig", text: new string('a', 1024 * 1024));

        using var response = await Client.SendAsync(Factory.SignedRequest("/slack/events", body));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await TestDatabase.InboxAsync(Factory.DatabasePath), Is.Empty);
    }

    [Test]
    public async Task A_chunked_body_over_one_MiB_gets_413()
    {
        var bytes = Encoding.UTF8.GetBytes(Payloads.MessageEvent("EvBigChunked", text: new string('a', 1024 * 1024)));
        using var request = Factory.SignedRequest("/slack/events", "{}");
        request.Content = new StreamContent(new MemoryStream(bytes));
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;

        using var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task Wrong_method_gets_405()
    {
        using var response = await Client.GetAsync("/slack/events");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }

    [TestCase("text/plain")]
    [TestCase("application/x-www-form-urlencoded")]
    public async Task Wrong_content_type_gets_415(string contentType)
    {
        using var response = await Client.SendAsync(Factory.SignedRequest("/slack/events", Payloads.MessageEvent("Ev415"), contentType));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(await TestDatabase.InboxAsync(Factory.DatabasePath), Is.Empty);
    }
}
