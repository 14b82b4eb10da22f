using System.Net;
using System.Text.Json.Nodes;
using AsyncCoach.Interactivity;
using AsyncCoach.Slack.Interactivity;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.Endpoints;

/// <summary>
/// A view_submission is routed by its view's callback_id, and the handler's response body is
/// what Slack reads: the HTTP body of <c>/slack/interactivity</c>.
/// </summary>
public sealed class ViewSubmissionResponseTests
{
    private const string Form = "application/x-www-form-urlencoded";
    private AsyncCoachFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public void Start()
    {
        _factory = new AsyncCoachFactory().WithServices(s => s.AddSingleton<IViewSubmissionHandler, HoursModal>());
        _client = _factory.CreateRealClient();
    }

    [TearDown]
    public async Task Stop()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _factory.DeleteDatabase();
    }

    [Test]
    public async Task A_rejected_submission_answers_with_response_action_errors_in_the_body()
    {
        using var response = await SubmitAsync("test:hours", "nine to five");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(body.ToJsonString(), Is.EqualTo("""{"response_action":"errors","errors":{"hours":"Use 09:00-17:30"}}"""));
    }

    [Test]
    public async Task An_accepted_submission_answers_with_an_empty_200_so_the_modal_closes()
    {
        using var response = await SubmitAsync("test:hours", "09:00-17:30");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.Empty);
    }

    [Test]
    public async Task A_submission_nobody_handles_gets_400_naming_its_callback_id()
    {
        using var response = await SubmitAsync("other:modal", "x");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("unknown callback_id: other:modal"));
    }

    private Task<HttpResponseMessage> SubmitAsync(string callbackId, string hours) =>
        _client.SendAsync(_factory.SignedRequest("/slack/interactivity", "payload=" + WebUtility.UrlEncode(ViewSubmission(callbackId, hours)), Form));

    /// <summary>The shape of schema/java-slack-sdk/app-backend/ViewSubmissionPayload.json, cut to what is read.</summary>
    public static string ViewSubmission(string callbackId, string hours) => new JsonObject
    {
        ["type"] = "view_submission",
        ["team"] = new JsonObject { ["id"] = "T0001", ["domain"] = "example" },
        ["user"] = new JsonObject { ["id"] = "U0001", ["team_id"] = "T0001" },
        ["view"] = new JsonObject
        {
            ["id"] = "V0001",
            ["type"] = "modal",
            ["callback_id"] = callbackId,
            ["state"] = new JsonObject { ["values"] = new JsonObject { ["hours"] = new JsonObject { ["input"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = hours } } } },
        },
    }.ToJsonString();

    /// <summary>A modal handler as a feature would write one: a bad value keeps the modal open.</summary>
    public sealed class HoursModal : IViewSubmissionHandler
    {
        public string Prefix => "test:";

        public Task<InteractionOutcome> HandleAsync(ViewSubmissionPayload submission, CancellationToken cancellationToken)
        {
            var value = submission.Value("hours", "input")?.Value;
            return Task.FromResult(value == "09:00-17:30"
                ? InteractionOutcome.Ok
                : InteractionOutcome.Respond(InteractionResponse.Errors(new Dictionary<string, string> { ["hours"] = "Use 09:00-17:30" })));
        }
    }
}
