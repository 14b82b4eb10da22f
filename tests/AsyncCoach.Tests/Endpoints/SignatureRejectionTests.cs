using System.Net;
using System.Net.Http.Headers;
using AsyncCoach.Tests.Infrastructure;

namespace AsyncCoach.Tests.Endpoints;

public sealed class SignatureRejectionTests : ServiceTest
{
    private static IEnumerable<TestCaseData> Paths() =>
    [
        new TestCaseData("/slack/events", "application/json", Payloads.MessageEvent("EvSig")),
        new TestCaseData("/slack/commands", "application/x-www-form-urlencoded", "command=%2Fasync&team_id=T1&user_id=U1&channel_id=C1&text=help"),
        new TestCaseData("/slack/interactivity", "application/x-www-form-urlencoded", "payload=%7B%22type%22%3A%22block_actions%22%7D"),
    ];

    [TestCaseSource(nameof(Paths))]
    public async Task Missing_headers_get_401_with_the_reason(string path, string contentType, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("missing X-Slack-Request-Timestamp"));
    }

    [TestCaseSource(nameof(Paths))]
    public async Task A_tampered_body_gets_401(string path, string contentType, string body)
    {
        using var request = Factory.SignedRequest(path, body, contentType);
        var original = await request.Content!.ReadAsByteArrayAsync();
        original[^1] ^= 0x01;
        request.Content = new ByteArrayContent(original) { Headers = { ContentType = MediaTypeHeaderValue.Parse(contentType) } };

        using var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("does not match"));
    }

    [TestCase(-301)]
    [TestCase(301)]
    public async Task A_timestamp_more_than_five_minutes_off_gets_401(int offsetSeconds)
    {
        var at = Factory.Time.GetUtcNow().AddSeconds(offsetSeconds);

        using var response = await Client.SendAsync(Factory.SignedRequest("/slack/events", Payloads.MessageEvent("EvStale"), at: at));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("more than 5 minutes"));
        Assert.That(await TestDatabase.InboxAsync(Factory.DatabasePath), Is.Empty);
    }

    [TestCase(-300)]
    [TestCase(300)]
    public async Task A_timestamp_exactly_five_minutes_off_is_accepted(int offsetSeconds)
    {
        var at = Factory.Time.GetUtcNow().AddSeconds(offsetSeconds);

        using var response = await Client.SendAsync(Factory.SignedRequest("/slack/events", Payloads.MessageEvent("EvEdge"), at: at));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_request_signed_with_another_secret_gets_401_and_nothing_is_stored()
    {
        using var request = Factory.SignedRequest("/slack/events", Payloads.MessageEvent("EvOther"));
        request.Headers.Remove("X-Slack-Signature");
        request.Headers.Add("X-Slack-Signature", "v0=" + new string('0', 64));

        using var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await TestDatabase.InboxAsync(Factory.DatabasePath), Is.Empty);
    }

    [Test]
    public async Task A_malformed_signature_header_gets_401()
    {
        using var request = Factory.SignedRequest("/slack/events", Payloads.MessageEvent("EvBadHeader"));
        request.Headers.Remove("X-Slack-Signature");
        request.Headers.Add("X-Slack-Signature", "sha256=abc");

        using var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("v0=<64 hex digits>"));
    }
}
