using System.Net;
using System.Text.Json.Nodes;
using AsyncCoach.Tests.Fakes;
using AsyncCoach.Workspace;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.Infrastructure;

/// <summary>
/// The service on real HTTP with a fake workspace directory and a fake response_url host:
/// sends signed <c>/async</c> commands and returns the JSON answer.
/// </summary>
public sealed class CommandHarness : IAsyncDisposable
{
    private readonly bool _ownsSlack;

    private CommandHarness(AsyncCoachFactory factory, FakeSlackApi slack, bool ownsSlack, FakeWorkspaceDirectory directory)
    {
        Factory = factory;
        Slack = slack;
        _ownsSlack = ownsSlack;
        Directory = directory;
        Client = factory.CreateRealClient();
    }

    public AsyncCoachFactory Factory { get; }

    public HttpClient Client { get; }

    /// <summary>The fake Slack: its <c>hooks/{name}</c> URLs stand in for response_url.</summary>
    public FakeSlackApi Slack { get; }

    /// <summary>The people and channels commands see, unless started live (then it is not used).</summary>
    public FakeWorkspaceDirectory Directory { get; }

    public static async Task<CommandHarness> StartAsync(Action<IServiceCollection>? configure = null, DateTimeOffset? now = null)
    {
        var slack = await FakeSlackApi.StartAsync();
        var directory = new FakeWorkspaceDirectory();
        var factory = new AsyncCoachFactory(startTime: now).WithServices(services =>
        {
            services.AddSingleton<IWorkspaceDirectory>(directory);
            configure?.Invoke(services);
        });
        return new CommandHarness(factory, slack, ownsSlack: true, directory);
    }

    /// <summary>Live mode: a bot token, and people (admin flags, zones) from the fake Slack's users.info.</summary>
    public static CommandHarness StartLive(FakeSlackApi slack)
    {
        var factory = new AsyncCoachFactory()
            .With("Slack:BotToken", "xoxb-test-token")
            .With("Slack:ApiBaseUrl", slack.ApiBaseUrl.ToString());
        return new CommandHarness(factory, slack, ownsSlack: false, new FakeWorkspaceDirectory());
    }

    /// <summary>The JSON posted to <c>hooks/{name}</c> (the <paramref name="count"/>th time), awaited.</summary>
    public async Task<JsonObject> PostedToAsync(string name, int count = 1)
    {
        var call = await Slack.WaitForCallAsync($"hooks/{name}", count);
        return JsonNode.Parse(call.Body)!.AsObject();
    }

    /// <summary>Sends <c>/async {text}</c> as Slack would and returns the JSON answer (asserting a 200).</summary>
    public async Task<JsonObject> SendAsync(string text, string? user = null, string? team = null, string? channel = null, string? channelName = null)
    {
        var body = CommandBodies.Async(text, user, team, channel, channelName, Slack.ResponseUrl("command"));
        using var response = await Client.SendAsync(Factory.SignedRequest("/slack/commands", body, CommandBodies.ContentType));
        var content = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), content);
        return JsonNode.Parse(content)!.AsObject();
    }

    /// <summary>The answer's text, asserting it is ephemeral (only the person sees it).</summary>
    public async Task<string> EphemeralTextAsync(string text, string? user = null, string? team = null, string? channel = null, string? channelName = null)
    {
        var reply = await SendAsync(text, user, team, channel, channelName);
        Assert.That((string?)reply["response_type"], Is.EqualTo("ephemeral"));
        return (string)reply["text"]!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        Factory.DeleteDatabase();
        if (_ownsSlack)
        {
            await Slack.DisposeAsync();
        }
    }
}
