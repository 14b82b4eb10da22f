using System.Globalization;

namespace AsyncCoach.Benchmarks;

/// <summary>The <c>--name value</c> options of the probe verbs (<c>outbox-db-cpu</c>, <c>webapi-cpu</c>).</summary>
internal static class ProbeOptions
{
    public static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    public static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
