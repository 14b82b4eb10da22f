using System.CommandLine;
using System.Globalization;

namespace AsyncCoach.Cli;

/// <summary>
/// `healthcheck`: GETs the running service's <c>/healthz</c> and exits 0 when it answers 200, 1
/// otherwise (refused, an error status, no answer in time), 2 on a usage error. For a container's
/// HEALTHCHECK in an image without curl: the executable checks itself.
/// </summary>
public static class HealthcheckCommand
{
    public const int Healthy = 0;
    public const int Unhealthy = 1;

    private static readonly Option<string?> UrlOption = new("--url")
    {
        Description = "What to ask. Default: /healthz on the first address of ASPNETCORE_URLS, else on ASPNETCORE_HTTP_PORTS's first port at 127.0.0.1, else http://127.0.0.1:5000/healthz.",
        HelpName = "url",
    };

    private static readonly Option<string?> TimeoutOption = new("--timeout")
    {
        Description = "How long to wait for the answer (a TimeSpan, default 00:00:05).",
        HelpName = "hh:mm:ss",
    };

    public static Command Create(Func<string, string?> environment)
    {
        var command = new Command("healthcheck", """
            Asks the running service whether it is alive (GET /healthz): for a container HEALTHCHECK
            or a supervisor. Exit codes: 0 healthy, 1 unhealthy or not answering, 2 bad usage.
            """)
        {
            UrlOption, TimeoutOption,
        };
        command.SetAction((result, ct) => RunAsync(result, environment, ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parsed, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var (stdout, stderr) = (parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error);
        var url = parsed.GetValue(UrlOption) ?? DefaultUrl(environment);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            await stderr.WriteLineAsync($"healthcheck: --url must be an absolute http(s) URL, e.g. http://127.0.0.1:8080/healthz, not '{url}'.");
            return CliInvocation.Usage;
        }

        var timeoutText = parsed.GetValue(TimeoutOption);
        var timeout = TimeSpan.FromSeconds(5);
        if (timeoutText is not null && (!TimeSpan.TryParse(timeoutText, CultureInfo.InvariantCulture, out timeout) || timeout <= TimeSpan.Zero))
        {
            await stderr.WriteLineAsync($"healthcheck: --timeout must be a positive TimeSpan, e.g. 00:00:05, not '{timeoutText}'.");
            return CliInvocation.Usage;
        }

        using var http = new HttpClient { Timeout = timeout };
        try
        {
            using var response = await http.GetAsync(uri, cancellationToken);
            var code = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"healthy: {uri} answered {code}"));
                return Healthy;
            }

            await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"unhealthy: {uri} answered {code}"));
            return Unhealthy;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await stderr.WriteLineAsync($"unhealthy: {uri} did not answer ({(ex is TaskCanceledException ? "no answer within " + timeout : ex.Message)})");
            return Unhealthy;
        }
    }

    /// <summary>/healthz on the address the service listens on, as the host reads it from the environment.</summary>
    public static string DefaultUrl(Func<string, string?> environment)
    {
        if (environment("ASPNETCORE_URLS") is { Length: > 0 } urls)
        {
            var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
            // A wildcard host listens on every address; loopback is one of them.
            foreach (var wildcard in new[] { "://+", "://*", "://0.0.0.0", "://[::]" })
            {
                first = first.Replace(wildcard, "://127.0.0.1", StringComparison.Ordinal);
            }

            return first.TrimEnd('/') + "/healthz";
        }

        if (environment("ASPNETCORE_HTTP_PORTS") is { Length: > 0 } ports)
        {
            return $"http://127.0.0.1:{ports.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0]}/healthz";
        }

        return "http://127.0.0.1:5000/healthz";
    }
}
