using AsyncCoach.Cli;
using AsyncCoach.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Tests.Observability;

/// <summary>Metrics settings that cannot work stop the service at start, naming the key.</summary>
[NonParallelizable]
public sealed class MetricsConfigurationTests
{
    [TestCase("0")]
    [TestCase("65536")]
    public async Task A_port_out_of_range_fails_start_naming_the_key(string port)
    {
        var error = await StartFailureAsync(new() { ["Metrics:Enabled"] = "true", ["Metrics:Port"] = port });

        Assert.That(error.Message, Does.Contain("Metrics:Port must be between 1 and 65535").And.Contain("Metrics__Port"));
    }

    [Test]
    public async Task The_main_listener_s_port_fails_start_naming_the_key()
    {
        var error = await StartFailureAsync(new() { ["Metrics:Enabled"] = "true", ["Metrics:Port"] = "5999" }, urls: "http://127.0.0.1:5999");

        Assert.That(error.Message, Does.Contain("Metrics:Port 5999 is the main listener's port"));
    }

    [TestCase("collector:4318")]
    [TestCase("ftp://collector")]
    [TestCase("not a url")]
    public async Task A_bad_OTLP_endpoint_fails_start_naming_the_key(string endpoint)
    {
        var error = await StartFailureAsync(new() { ["Metrics:Enabled"] = "true", ["Metrics:OtlpEndpoint"] = endpoint });

        Assert.That(error.Message, Does.Contain("Metrics:OtlpEndpoint must be an absolute http or https URL").And.Contain(endpoint));
    }

    [Test]
    public async Task Serve_with_a_bad_metrics_port_prints_one_line_and_exits_2()
    {
        var stderr = new StringWriter();
        var original = Console.Error;
        Console.SetError(stderr);
        int code;
        try
        {
            code = await AsyncCoachCli.RunAsync(["serve", "--environment", "Production", "--urls", "http://127.0.0.1:0",
                "--Slack:SigningSecret", "s", "--Metrics:Enabled", "true", "--Metrics:Port", "70000",
                "--Storage:ConnectionString", $"Data Source={TestFiles.NewDatabase("metrics-config")}"]);
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr.ToString().Trim(), Does.StartWith("AsyncCoach cannot start: Metrics:Port must be between 1 and 65535, not 70000"));
        Assert.That(stderr.ToString().Trim().Split('\n'), Has.Length.EqualTo(1));
    }

    private static async Task<OptionsValidationException> StartFailureAsync(Dictionary<string, string?> settings, string urls = "http://127.0.0.1:0")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = "secret",
            ["Storage:ConnectionString"] = $"Data Source={TestFiles.NewDatabase("metrics-config")}",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls(urls);
        builder.AddAsyncCoach();
        await using var app = builder.Build();
        app.MapAsyncCoach();
        return (await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync()))!;
    }
}
