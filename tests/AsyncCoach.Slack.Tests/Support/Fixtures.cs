using System.Text;

namespace AsyncCoach.Slack.Tests.Support;

/// <summary>Reads copied fixtures from the test output folder (see Fixtures/PROVENANCE.md).</summary>
internal static class Fixtures
{
    public static string Path(string relative) =>
        System.IO.Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", relative);

    public static string Read(string relative) => File.ReadAllText(Path(relative));

    /// <summary>
    /// The response bodies of a VCR cassette, keyed by request URI in order. The bodies are YAML
    /// single-quoted scalars: a line break plus indentation folds to one space, <c>''</c> is <c>'</c>.
    /// Enough YAML for slack-ruby-client's cassettes, nothing more.
    /// </summary>
    public static IReadOnlyList<(string Uri, string Body)> VcrResponses(string relative)
    {
        var lines = File.ReadAllLines(Path(relative));
        var result = new List<(string, string)>();
        string? uri = null;
        var inResponse = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.TrimStart().StartsWith("uri: ", StringComparison.Ordinal))
            {
                uri = line.Trim()["uri: ".Length..];
                inResponse = false;
            }
            else if (line == "  response:")
            {
                inResponse = true;
            }
            else if (inResponse && line.StartsWith("      string: '", StringComparison.Ordinal))
            {
                var text = new StringBuilder();
                var rest = line["      string: '".Length..];
                while (true)
                {
                    var end = ClosingQuote(rest);
                    if (end >= 0)
                    {
                        text.Append(rest[..end]);
                        break;
                    }

                    text.Append(rest).Append(' ');
                    rest = lines[++i].TrimStart();
                }

                result.Add((uri ?? "", text.ToString().Replace("''", "'", StringComparison.Ordinal)));
                inResponse = false;
            }
        }

        return result;
    }

    public static string VcrResponse(string relative, string method) =>
        VcrResponses(relative).Single(r => r.Uri.EndsWith("/" + method, StringComparison.Ordinal)).Body;

    private static int ClosingQuote(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\'')
            {
                continue;
            }

            if (i + 1 < text.Length && text[i + 1] == '\'')
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }
}
