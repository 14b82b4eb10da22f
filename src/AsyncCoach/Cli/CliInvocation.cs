using System.CommandLine;

namespace AsyncCoach.Cli;

/// <summary>
/// Runs one verb's parsed command line: a parse error becomes one line on stderr naming the verb
/// and exit code 2; <c>--help</c> prints the generated help; otherwise the verb's action runs.
/// </summary>
internal static class CliInvocation
{
    public const int Usage = 2;

    public static async Task<int> InvokeAsync(string verb, ParseResult result, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (result.Errors.Count > 0)
        {
            await stderr.WriteLineAsync($"{verb}: {result.Errors[0].Message} (see AsyncCoach {verb} --help)");
            return Usage;
        }

        return await result.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, ct);
    }

    public static int Invoke(string verb, ParseResult result, TextWriter stdout, TextWriter stderr)
    {
        if (result.Errors.Count > 0)
        {
            stderr.WriteLine($"{verb}: {result.Errors[0].Message} (see AsyncCoach {verb} --help)");
            return Usage;
        }

        return result.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
