using System.Net;
using System.Net.Sockets;
using AsyncCoach.Cli;
using AsyncCoach.Tests.Infrastructure;

namespace AsyncCoach.Tests.Cli;

/// <summary>`healthcheck` against the real service on Kestrel, a port nobody listens on, and bad usage.</summary>
public sealed class HealthcheckCommandTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await CliInvocation.InvokeAsync(HealthcheckCommand.Create(_ => null), args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public async Task The_running_service_is_healthy_and_an_error_status_is_not()
    {
        await using var factory = new AsyncCoachFactory();
        using var client = factory.CreateRealClient();
        var root = client.BaseAddress!.ToString().TrimEnd('/');

        var healthy = await RunAsync("--url", root + "/healthz");
        var missing = await RunAsync("--url", root + "/no-such-page");

        Assert.That(healthy, Is.EqualTo((0, $"healthy: {root}/healthz answered 200\n", "")));
        Assert.That(missing.Code, Is.EqualTo(1));
        Assert.That(missing.Err, Does.Contain("answered 404"));
        factory.DeleteDatabase();
    }

    [Test]
    public async Task A_service_that_does_not_listen_is_unhealthy()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var result = await RunAsync("--url", $"http://127.0.0.1:{port}/healthz", "--timeout", "00:00:05");

        Assert.That(result.Code, Is.EqualTo(1));
        Assert.That(result.Err, Does.StartWith($"unhealthy: http://127.0.0.1:{port}/healthz did not answer"));
    }

    [TestCase("--url", "not-a-url", "--url must be an absolute http(s) URL")]
    [TestCase("--url", "ftp://127.0.0.1/healthz", "--url must be an absolute http(s) URL")]
    [TestCase("--timeout", "soon", "--timeout must be a positive TimeSpan")]
    [TestCase("--timeout", "-00:00:01", "--timeout must be a positive TimeSpan")]
    public async Task Bad_usage_exits_2_with_one_line_naming_the_option(string option, string value, string message)
    {
        var result = await RunAsync(option, value);

        Assert.That(result.Code, Is.EqualTo(2));
        Assert.That(result.Err, Does.StartWith("healthcheck: " + message).And.EndWith("\n").And.Not.Contain("   at "));
    }

    [TestCase("http://+:8080", null, "http://127.0.0.1:8080/healthz")]
    [TestCase("http://*:8080/;https://*:8443", null, "http://127.0.0.1:8080/healthz")]
    [TestCase("http://0.0.0.0:9000", "8080", "http://127.0.0.1:9000/healthz")]
    [TestCase("http://[::]:9000", null, "http://127.0.0.1:9000/healthz")]
    [TestCase("http://10.0.0.5:5080", null, "http://10.0.0.5:5080/healthz")]
    [TestCase(null, "8080", "http://127.0.0.1:8080/healthz")]
    [TestCase(null, null, "http://127.0.0.1:5000/healthz")]
    public void The_default_url_is_where_the_host_listens(string? urls, string? ports, string expected)
    {
        var environment = new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = urls, ["ASPNETCORE_HTTP_PORTS"] = ports };

        Assert.That(HealthcheckCommand.DefaultUrl(name => environment.GetValueOrDefault(name)), Is.EqualTo(expected));
    }
}
