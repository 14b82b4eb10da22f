using System.Globalization;

namespace AsyncCoach.Benchmarks.Load;

/// <summary>
/// Options of the <c>load</c> mode, parsed from <c>--name value</c> pairs. <c>--url</c> and
/// <c>--server-pid</c> take comma-separated lists: the connections are dealt round-robin over the
/// URLs (several instances behind one load), and the servers' CPU is summed.
/// </summary>
public sealed record LoadOptions(
    IReadOnlyList<Uri> Urls,
    string Secret,
    int Connections,
    TimeSpan Duration,
    TimeSpan Warmup,
    double? Rate,
    IReadOnlyList<int>? ServerPids,
    double FindingShare,
    int Teams,
    bool Settle,
    long? Requests = null)
{
    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"expected --name value pairs, got '{args[i]}'");
            }

            values[args[i][2..]] = args[i + 1];
        }

        string Get(string name, string fallback) => values.GetValueOrDefault(name, fallback);
        return new LoadOptions(
            [.. List(Get("url", "http://127.0.0.1:5080/slack/events")).Select(url => new Uri(url))],
            Get("secret", "load-test-secret"),
            int.Parse(Get("connections", "50"), CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(Get("duration", "15"), CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(Get("warmup", "3"), CultureInfo.InvariantCulture)),
            values.TryGetValue("rate", out var rate) ? double.Parse(rate, CultureInfo.InvariantCulture) : null,
            values.TryGetValue("server-pid", out var pids) ? [.. List(pids).Select(pid => int.Parse(pid, CultureInfo.InvariantCulture))] : null,
            double.Parse(Get("finding-share", "0.33"), CultureInfo.InvariantCulture),
            Math.Max(1, int.Parse(Get("teams", "1"), CultureInfo.InvariantCulture)),
            bool.TryParse(Get("settle", "false"), out var settle)
                ? settle
                : throw new ArgumentException($"--settle takes true or false, not '{values["settle"]}'"),
            values.TryGetValue("requests", out var requests) ? Positive("requests", requests) : null);
    }

    private static long Positive(string name, string value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"--{name} takes a whole number above 0, not '{value}'");

    private static string[] List(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } items
            ? items
            : throw new ArgumentException($"expected a comma-separated list, got '{value}'");
}
