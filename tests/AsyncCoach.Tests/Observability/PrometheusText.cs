using System.Globalization;

namespace AsyncCoach.Tests.Observability;

/// <summary>Reads samples out of Prometheus text exposition format.</summary>
public static class PrometheusText
{
    /// <summary>The sum of the samples of <paramref name="name"/> whose labels include each of <paramref name="labels"/> (<c>reason="bad_signature"</c>); 0 when none.</summary>
    public static double Sum(string text, string name, params string[] labels)
    {
        var sum = 0.0;
        foreach (var (labelText, value) in Samples(text, name))
        {
            if (labels.All(l => labelText.Contains(l, StringComparison.Ordinal)))
            {
                sum += value;
            }
        }

        return sum;
    }

    /// <summary>Whether any sample of <paramref name="name"/> is there.</summary>
    public static bool Has(string text, string name) => Samples(text, name).Any();

    private static IEnumerable<(string Labels, double Value)> Samples(string text, string name)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var nameEnd = line.IndexOfAny(['{', ' ']);
            if (nameEnd < 0 || line[..nameEnd] != name)
            {
                continue;
            }

            var labels = "";
            var rest = line[nameEnd..];
            if (line[nameEnd] == '{')
            {
                var close = line.LastIndexOf('}');
                labels = line[(nameEnd + 1)..close];
                rest = line[(close + 1)..];
            }

            yield return (labels, double.Parse(rest.Trim().Split(' ')[0], CultureInfo.InvariantCulture));
        }
    }
}
