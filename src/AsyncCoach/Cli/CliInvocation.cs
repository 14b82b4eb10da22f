using System.CommandLine;

namespace AsyncCoach.Cli;

/// <summary>
/// Runs one verb's command line through System.CommandLine: a parse error becomes one line on
/// stderr naming the verb and exit code 2; <c>--help</c> prints the generated help; otherwise the
/// verb's action runs and writes to the invocation's output and error writers.
/// </summary>
internal static class CliInvocation
{
    public const int Usage = 2;

    /// <summary>
    /// No response files: an argument starting with '@' is message text (<c>check "@ana hi"</c>),
    /// not a file to read arguments from.
    /// </summary>
    public static ParserConfiguration Parser { get; } = new() { ResponseFileTokenReplacer = null };

    /// <summary>Parses <paramref name="args"/> (the words after the verb) for one verb under a root of its own.</summary>
    public static ParseResult Parse(Command verb, IReadOnlyList<string> args) =>
        new RootCommand { verb }.Parse([verb.Name, .. args], Parser);

    public static async Task<int> InvokeAsync(Command verb, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        await InvokeAsync(verb.Name, Parse(verb, args), stdout, stderr, ct);

    public static async Task<int> InvokeAsync(string verb, ParseResult result, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (result.Errors.Count > 0)
        {
            return UsageError(verb, FirstError(result), stderr);
        }

        return await result.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, ct);
    }

    public static int Invoke(Command verb, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var result = Parse(verb, args);
        if (result.Errors.Count > 0)
        {
            return UsageError(verb.Name, FirstError(result), stderr);
        }

        return result.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    /// <summary>
    /// System.CommandLine takes a token it does not know (<c>--colour</c>) as a positional value;
    /// here such a token is an unknown option, named as such. A lone "-" (standard input) and
    /// "-1 on this" (text) pass; after "--" nothing starting with "--" can be task text.
    /// </summary>
    public static void RejectUnknownOptions<T>(Argument<T> argument)
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                var value = token.Value;
                if (value.StartsWith("--", StringComparison.Ordinal) && value.Length > 2
                    || (value.Length == 2 && value[0] == '-' && char.IsLetter(value[1])))
                {
                    result.AddError($"unknown option {value}");
                    return;
                }
            }
        });
    }

    /// <summary>
    /// The error to show: our own (an unknown option, a bad value) before the library's
    /// "Unrecognized command or argument", which names whatever token came after an unknown option.
    /// </summary>
    public static string FirstError(ParseResult result) =>
        result.Errors.OrderBy(e => e.Message.StartsWith("Unrecognized command or argument", StringComparison.Ordinal)).First().Message;

    /// <summary>One line naming the verb and where its help is; exit code 2.</summary>
    public static int UsageError(string verb, string message, TextWriter stderr)
    {
        stderr.Write($"{verb}: {message.TrimEnd('.')}. (see AsyncCoach {verb} --help)\n");
        return Usage;
    }
}
