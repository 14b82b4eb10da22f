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
    private CommandHarness(AsyncCoachFactory factory, FakeResponseUrl hooks, FakeWorkspaceDirectory directory)
    {
        Factory = factory;
        Hooks = hooks;
        Directory = directory;
        Client = factory.CreateRealClient();
    }

    public AsyncCoachFactory Factory { get; }

    public HttpClient Client { get; }

    public FakeResponseUrl Hooks { get; }

    /// <summary>The people and channels commands see, unless started live (then it is not used).</summary>
    public FakeWorkspaceDirectory Directory { get; }

    public static async Task<CommandHarness> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var hooks = await FakeResponseUrl.StartAsync();
        var directory = new FakeWorkspaceDirectory();
        var factory = new AsyncCoachFactory().WithServices(services =>
        {
            services.AddSingleton<IWorkspaceDirectory>(directory);
            configure?.Invoke(services);
        });
        return new CommandHarness(factory, hooks, directory);
    }

    /// <summary>Live mode: a bot token, and people (admin flags, zones) from the fake Slack's users.info.</summary>
    public static async Task<CommandHarness> StartLiveAsync(FakeSlackApi slack)
    {
        var hooks = await FakeResponseUrl.StartAsync();
        var factory = new AsyncCoachFactory()
            .With("Slack:BotToken", "xoxb-test-token")
            .With("Slack:ApiBaseUrl", slack.ApiBaseUrl.ToString());
        return new CommandHarness(factory, hooks, new FakeWorkspaceDirectory());
    }

    /// <summary>Sends <c>/async {text}</c> as Slack would and returns the JSON answer (asserting a 200).</summary>
    public async Task<JsonObject> SendAsync(string text, string? user = null, string? team = null, string? channel = null, string? channelName = null)
    {
        var body = CommandBodies.Async(text, user, team, channel, channelName, Hooks.Url("command"));
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
        await Hooks.DisposeAsync();
    }
}
