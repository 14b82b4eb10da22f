using System.Globalization;

namespace AsyncCoach.Observability;

/// <summary>
/// The main listener's addresses as ASP.NET Core will bind them (<c>--urls</c>,
/// <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c>, or Kestrel's default), so <c>Metrics:Port</c>
/// can be added beside them on the same interface, and checked against them.
/// </summary>
internal static class ListenAddresses
{
    private const string DefaultUrl = "http://localhost:5000";

    public static IReadOnlyList<string> MainUrls(IConfiguration configuration)
    {
        if (Split(configuration["urls"]) is { Count: > 0 } urls)
        {
            return urls;
        }

        var ports = Split(configuration["http_ports"]);
        return ports.Count > 0 ? [.. ports.Select(p => "http://*:" + p)] : [DefaultUrl];
    }

    /// <summary>The ports of <paramref name="urls"/> that can be read (port 0, a free port, is left out: it cannot clash).</summary>
    public static IEnumerable<int> Ports(IEnumerable<string> urls)
    {
        foreach (var url in urls)
        {
            if (Parse(url) is { Port: > 0 } address)
            {
                yield return address.Port;
            }
        }
    }

    /// <summary>The metrics port's address, on the first main address's interface.</summary>
    public static string MetricsUrl(IReadOnlyList<string> main, int port) =>
        string.Create(CultureInfo.InvariantCulture, $"http://{(main.Count > 0 && Parse(main[0]) is { } first ? first.Host : "localhost")}:{port}");

    private static List<string> Split(string? value) =>
        [.. (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    // "http://+:80" and "http://*:80" are not URIs System.Uri reads; take host and port by hand.
    private static (string Host, int Port)? Parse(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var rest = scheme < 0 ? url : url[(scheme + 3)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        rest = slash < 0 ? rest : rest[..slash];
        var colon = rest.LastIndexOf(':');
        if (colon < 0 || rest.EndsWith(']'))
        {
            var https = url.StartsWith("https", StringComparison.OrdinalIgnoreCase);
            return (rest, https ? 443 : 80);
        }

        return int.TryParse(rest[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? (rest[..colon], port) : null;
    }
}
