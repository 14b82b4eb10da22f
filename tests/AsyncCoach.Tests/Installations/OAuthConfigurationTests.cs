using AsyncCoach.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Tests.Installations;

public sealed class OAuthConfigurationTests
{
    private static async Task<OptionsValidationException> StartFailureAsync(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = "secret",
            ["Storage:ConnectionString"] = $"Data Source={TestFiles.NewDatabase("oauth-config")}",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddAsyncCoach();
        await using var app = builder.Build();
        app.MapAsyncCoach();
        return (await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync()))!;
    }

    [TestCase("Slack:ClientId", "Slack:ClientSecret")]
    [TestCase("Slack:ClientSecret", "Slack:ClientId")]
    [TestCase("Slack:RedirectUri", "Slack:ClientId")]
    public async Task One_OAuth_key_without_the_others_fails_start_naming_a_missing_one(string given, string named)
    {
        var error = await StartFailureAsync(new() { [given] = given == "Slack:RedirectUri" ? "https://coach.example.com/slack/oauth/callback" : "x" });

        Assert.That(error.Message, Does.StartWith(named + " is not set"));
    }

    [TestCase("http://coach.example.com/slack/oauth/callback")]
    [TestCase("/slack/oauth/callback")]
    public async Task A_redirect_URL_that_is_not_https_fails_start_naming_the_key(string redirect)
    {
        var error = await StartFailureAsync(new()
        {
            ["Slack:ClientId"] = "1.2",
            ["Slack:ClientSecret"] = "s",
            ["Slack:RedirectUri"] = redirect,
        });

        Assert.That(error.Message, Does.StartWith("Slack:RedirectUri must be an absolute https URL"));
    }
}
