using System.Text;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.Installations;

/// <summary>The OAuth v2 install end to end: install page → Slack's authorize URL → callback → oauth.v2.access → stored installation.</summary>
public sealed class OAuthInstallTests
{
    // The bot token of Slack's documented oauth.v2.access answer (the fixture), read from it rather than written here.
    private static readonly string DocsBotToken = (string)InstallHarness.DocsAnswer()["access_token"]!;

    [Test]
    public async Task The_install_page_links_to_Slacks_authorize_URL_with_every_parameter()
    {
        await using var harness = await InstallHarness.StartAsync();

        var link = await harness.AuthorizeLinkAsync();

        Assert.That(link.GetLeftPart(UriPartial.Path), Is.EqualTo(harness.AuthorizeUrl.AbsoluteUri));
        var query = InstallHarness.Query(link);
        Assert.That(query.Keys, Is.EquivalentTo(new[] { "client_id", "scope", "user_scope", "redirect_uri", "state" }));
        Assert.That(query["client_id"], Is.EqualTo(InstallHarness.ClientId));
        Assert.That(query["scope"].Split(','), Is.EquivalentTo(new[]
        {
            "channels:history", "groups:history", "im:history", "mpim:history", "channels:read", "groups:read", "im:read", "mpim:read",
            "users:read", "chat:write", "im:write", "commands",
        }));
        Assert.That(query["user_scope"], Is.Empty);
        Assert.That(query["redirect_uri"], Is.EqualTo(InstallHarness.RedirectUri));
        Assert.That(query["state"], Has.Length.GreaterThan(40));
        Assert.That(await harness.StateAsync(), Is.Not.EqualTo(query["state"]), "each visit gets a state of its own");
    }

    [Test]
    public async Task With_the_redirect_setting_the_install_URL_sends_the_browser_straight_to_Slack()
    {
        await using var harness = await InstallHarness.StartAsync(f => f.With("Installations:RedirectToSlack", "true"));

        using var response = await harness.Client.GetAsync(new Uri("/slack/install", UriKind.Relative));

        Assert.That((int)response.StatusCode, Is.EqualTo(302));
        var location = response.Headers.Location!;
        Assert.That(location.GetLeftPart(UriPartial.Path), Is.EqualTo(harness.AuthorizeUrl.AbsoluteUri));
        Assert.That(InstallHarness.Query(location)["client_id"], Is.EqualTo(InstallHarness.ClientId));
    }

    [Test]
    public async Task The_callback_exchanges_the_code_stores_the_installation_encrypted_and_its_calls_use_its_token()
    {
        await using var harness = await InstallHarness.StartAsync();
        harness.Slack.Enqueue("oauth.v2.access", FakeResponse.Ok(InstallHarness.DocsAnswer()));
        var state = await harness.StateAsync();

        var (status, page) = await harness.CallbackAsync($"code=4724469134.code&state={Uri.EscapeDataString(state)}");

        Assert.That(status, Is.EqualTo(200), page);
        Assert.That(page, Does.Contain("installed in Slack Softball Team"));
        var exchange = harness.Slack.CallsTo("oauth.v2.access").Single();
        Assert.That(exchange.Arg("code"), Is.EqualTo("4724469134.code"));
        Assert.That(exchange.Arg("redirect_uri"), Is.EqualTo(InstallHarness.RedirectUri));
        Assert.That(exchange.Header("Authorization"),
            Is.EqualTo("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{InstallHarness.ClientId}:{InstallHarness.ClientSecret}"))));
        var row = (await harness.QueryAsync<(string Team, string Enterprise, long Org, string BotUser, string Token, string Scopes, string Installer, string Source)>(
            "SELECT team_id, enterprise_id, is_enterprise_install, bot_user_id, bot_token, scopes, installer_user_id, source FROM installations")).Single();
        Assert.That(row with { Token = "" }, Is.EqualTo(("T9TK3CUKW", "E12345678", 0L, "U0KRQLJ9H", "", "commands,incoming-webhook", "U1234", "oauth")));
        Assert.That(row.Token, Does.Not.Contain("xoxb"));

        await harness.Factory.Services.GetRequiredService<ISlackClientFactory>().ForTeam("T9TK3CUKW")
            .PostMessageAsync(new PostMessageRequest("C1", "hello"));
        Assert.That(harness.Slack.CallsTo("chat.postMessage").Single().Header("Authorization"), Is.EqualTo("Bearer " + DocsBotToken));
    }

    [Test]
    public async Task A_state_used_once_is_refused_the_second_time()
    {
        await using var harness = await InstallHarness.StartAsync();
        harness.Slack.SetDefault("oauth.v2.access", FakeResponse.Ok(InstallHarness.DocsAnswer()));
        var state = Uri.EscapeDataString(await harness.StateAsync());
        Assert.That((await harness.CallbackAsync($"code=c1&state={state}")).Status, Is.EqualTo(200));

        var (status, page) = await harness.CallbackAsync($"code=c2&state={state}");

        Assert.That(status, Is.EqualTo(400));
        Assert.That(page, Does.Contain("already been used").And.Contain("href=\"/slack/install\""));
        Assert.That(harness.Slack.CallsTo("oauth.v2.access"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_state_older_than_ten_minutes_is_refused_as_expired()
    {
        await using var harness = await InstallHarness.StartAsync();
        var state = Uri.EscapeDataString(await harness.StateAsync());
        harness.Factory.Time.Advance(TimeSpan.FromMinutes(10));

        var (status, page) = await harness.CallbackAsync($"code=c1&state={state}");

        Assert.That(status, Is.EqualTo(400));
        Assert.That(page, Does.Contain("more than 10 minutes old").And.Contain("href=\"/slack/install\""));
        Assert.That(harness.Slack.CallsTo("oauth.v2.access"), Is.Empty);
    }

    [Test]
    public async Task A_state_just_inside_ten_minutes_is_accepted()
    {
        await using var harness = await InstallHarness.StartAsync();
        harness.Slack.Enqueue("oauth.v2.access", FakeResponse.Ok(InstallHarness.DocsAnswer()));
        var state = Uri.EscapeDataString(await harness.StateAsync());
        harness.Factory.Time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));

        var (status, page) = await harness.CallbackAsync($"code=c1&state={state}");

        Assert.That(status, Is.EqualTo(200), page);
    }

    [TestCase("state=not-a-state")]
    [TestCase("")]
    public async Task A_missing_or_forged_state_is_refused_without_calling_Slack(string stateQuery)
    {
        await using var harness = await InstallHarness.StartAsync();

        var (status, page) = await harness.CallbackAsync($"code=c1&{stateQuery}");

        Assert.That(status, Is.EqualTo(400));
        Assert.That(page, Does.Contain("not issued by this AsyncCoach").And.Contain("href=\"/slack/install\""));
        Assert.That(harness.Slack.CallsTo("oauth.v2.access"), Is.Empty);
    }

    [Test]
    public async Task A_declined_install_says_nothing_was_installed_and_how_to_retry()
    {
        await using var harness = await InstallHarness.StartAsync();
        var state = Uri.EscapeDataString(await harness.StateAsync());

        var (status, page) = await harness.CallbackAsync($"error=access_denied&state={state}");

        Assert.That(status, Is.EqualTo(400));
        Assert.That(page, Does.Contain("not approved in Slack (access_denied)").And.Contain("href=\"/slack/install\""));
        Assert.That(harness.Slack.CallsTo("oauth.v2.access"), Is.Empty);
        Assert.That(await harness.QueryAsync<string>("SELECT team_id FROM installations"), Is.Empty);
    }

    [Test]
    public async Task A_code_Slack_refuses_shows_its_error_and_stores_nothing()
    {
        await using var harness = await InstallHarness.StartAsync();
        harness.Slack.Enqueue("oauth.v2.access", FakeResponse.Error("invalid_code"));
        var state = Uri.EscapeDataString(await harness.StateAsync());

        var (status, page) = await harness.CallbackAsync($"code=stale&state={state}");

        Assert.That(status, Is.EqualTo(502));
        Assert.That(page, Does.Contain("Slack answered <code>invalid_code</code>").And.Contain("href=\"/slack/install\""));
        Assert.That(await harness.QueryAsync<string>("SELECT team_id FROM installations"), Is.Empty);
    }

    [Test]
    public async Task Slack_unreachable_says_so_and_stores_nothing()
    {
        // A port nobody listens on; one attempt, no backoff to wait out.
        await using var harness = await InstallHarness.StartAsync(f => f
            .With("Slack:ApiBaseUrl", "http://127.0.0.1:9/api/")
            .With("Slack:MaxRetryAttempts", "1")
            .With("Slack:RetryBaseDelay", "00:00:00"));
        var state = Uri.EscapeDataString(await harness.StateAsync());

        var (status, page) = await harness.CallbackAsync($"code=c1&state={state}");

        Assert.That(status, Is.EqualTo(502));
        Assert.That(page, Does.Contain("could not reach Slack").And.Contain("href=\"/slack/install\""));
        Assert.That(await harness.QueryAsync<string>("SELECT team_id FROM installations"), Is.Empty);
    }

    [Test]
    public async Task Without_OAuth_keys_the_install_page_says_it_is_not_set_up()
    {
        await using var harness = await InstallHarness.StartAsync(f => f
            .With("Slack:ClientId", null).With("Slack:ClientSecret", null).With("Slack:RedirectUri", null));

        using var response = await harness.Client.GetAsync(new Uri("/slack/install", UriKind.Relative));

        Assert.That((int)response.StatusCode, Is.EqualTo(404));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Slack:ClientId"));
    }
}
