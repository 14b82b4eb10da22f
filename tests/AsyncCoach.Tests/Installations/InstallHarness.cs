using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AsyncCoach.Tests.Fakes;
using AsyncCoach.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using AsyncCoach.Nudges;
using AsyncCoach.Tests.Nudges;

namespace AsyncCoach.Tests.Installations;

/// <summary>The service with the OAuth install configured, against a fake Slack on 127.0.0.1.</summary>
public sealed partial class InstallHarness : IAsyncDisposable
{
    public const string ClientId = "2141029472.691202649728";
    public const string ClientSecret = "e1b9e11dfcd19c1982d5de12921e17e8c";
    public const string RedirectUri = "http://127.0.0.1/slack/oauth/callback";

    private readonly Action<AsyncCoachFactory>? _configure;

    private InstallHarness(FakeSlackApi slack, AsyncCoachFactory factory, HttpClient client, NudgeProbe attempts, Action<AsyncCoachFactory>? configure)
    {
        _configure = configure;
        Attempts = attempts;
        Slack = slack;
        Factory = factory;
        Client = client;
    }

    public FakeSlackApi Slack { get; }

    /// <summary>Every outbox attempt and its outcome (sent, dry-run or not).</summary>
    public NudgeProbe Attempts { get; private set; }

    public AsyncCoachFactory Factory { get; private set; }

    /// <summary>A browser that does not follow redirects, so each one can be checked.</summary>
    public HttpClient Client { get; private set; }

    public Uri AuthorizeUrl => new(Slack.Root, "oauth/v2/authorize");

    public static async Task<InstallHarness> StartAsync(Action<AsyncCoachFactory>? configure = null, DateTimeOffset? now = null)
    {
        var slack = await FakeSlackApi.StartAsync();
        var (factory, client, attempts) = Start(slack, configure, now, databasePath: null);
        return new InstallHarness(slack, factory, client, attempts, configure);
    }

    /// <summary>Stops the service and starts it again on the same database and key ring, its clock where it stopped.</summary>
    public async Task RestartAsync()
    {
        var now = Factory.Time.GetUtcNow();
        Client.Dispose();
        await Factory.DisposeAsync();
        (Factory, Client, Attempts) = Start(Slack, _configure, now, Factory.DatabasePath);
    }

    private static (AsyncCoachFactory, HttpClient, NudgeProbe) Start(
        FakeSlackApi slack, Action<AsyncCoachFactory>? configure, DateTimeOffset? now, string? databasePath)
    {
        var attempts = new NudgeProbe();
        var factory = new AsyncCoachFactory(databasePath, now)
            .WithServices(s => s.AddSingleton<INudgeObserver>(attempts))
            .With("Slack:ApiBaseUrl", slack.ApiBaseUrl.ToString())
            .With("Slack:ClientId", ClientId)
            .With("Slack:ClientSecret", ClientSecret)
            .With("Slack:RedirectUri", RedirectUri)
            .With("Installations:AuthorizeUrl", new Uri(slack.Root, "oauth/v2/authorize").ToString());
        configure?.Invoke(factory);
        Uri server;
        using (var started = factory.CreateRealClient())
        {
            server = started.BaseAddress!;
        }

        // A plain client on the real Kestrel: WebApplicationFactory's own follows redirects.
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server };
        return (factory, client, attempts);
    }

    /// <summary>The <c>oauth.v2.access</c> answer of Slack's docs (<c>success</c> or <c>success_with_token_rotation</c>).</summary>
    public static JsonObject DocsAnswer(string example = "success") =>
        JsonNode.Parse(Payloads.Fixture("web-api/oauth.v2.access.json"))!["examples"]![example]!["example"]!.AsObject();

    /// <summary>GET /slack/install and the authorize URL its "Add to Slack" link points to.</summary>
    public async Task<Uri> AuthorizeLinkAsync()
    {
        using var response = await Client.GetAsync(new Uri("/slack/install", UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), page);
        var href = AddToSlack().Match(page);
        Assert.That(href.Success, Is.True, page);
        return new Uri(System.Net.WebUtility.HtmlDecode(href.Groups[1].Value));
    }

    /// <summary>Installs the app for a team through the whole flow, Slack answering with <paramref name="answer"/>.</summary>
    public async Task InstallAsync(JsonObject answer)
    {
        Slack.Enqueue("oauth.v2.access", FakeResponse.Ok(answer));
        var (status, page) = await CallbackAsync($"code=c-{Guid.NewGuid():N}&state={Uri.EscapeDataString(await StateAsync())}");
        Assert.That(status, Is.EqualTo(200), page);
    }

    /// <summary>The docs' answer for another team and token.</summary>
    public static JsonObject AnswerFor(string team, string token, string? refreshToken = null)
    {
        var answer = DocsAnswer(refreshToken is null ? "success" : "success_with_token_rotation");
        answer["access_token"] = token;
        answer["team"] = new JsonObject { ["id"] = team, ["name"] = "Team " + team };
        answer["enterprise"] = null;
        if (refreshToken is not null)
        {
            answer["refresh_token"] = refreshToken;
        }

        return answer;
    }

    /// <summary>The <c>state</c> of a fresh install link.</summary>
    public async Task<string> StateAsync() => Query(await AuthorizeLinkAsync())["state"];

    /// <summary>Slack's redirect back to the callback, as the browser would follow it.</summary>
    public async Task<(int Status, string Page)> CallbackAsync(string query)
    {
        using var response = await Client.GetAsync(new Uri("/slack/oauth/callback?" + query, UriKind.Relative));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static Dictionary<string, string> Query(Uri uri) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Factory.DatabasePath}");
        await connection.OpenAsync();
        return (await connection.QueryAsync<T>(sql)).AsList();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        Factory.DeleteDatabase();
        await Slack.DisposeAsync();
    }

    [GeneratedRegex("<a href=\"([^\"]+)\"><strong>Add to Slack</strong></a>")]
    private static partial Regex AddToSlack();
}
