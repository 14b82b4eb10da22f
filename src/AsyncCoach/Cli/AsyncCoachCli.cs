using System.CommandLine;

namespace AsyncCoach.Cli;

/// <summary>
/// The verbs of the one executable, parsed by System.CommandLine. No verb, or a first argument
/// that is an option other than help (<c>--urls …</c>, <c>--environment …</c>), runs the service.
/// </summary>
public static class AsyncCoachCli
{
    public static RootCommand Create()
    {
        var serve = new Command("serve", "Run the service (the default). ASP.NET Core options apply: --urls http://127.0.0.1:5080")
        {
            // Everything after `serve` belongs to the host's own command-line configuration.
            TreatUnmatchedTokensAsErrors = false,
        };
        serve.SetAction((result, _) => ServeCommand.RunAsync([.. result.UnmatchedTokens]));
        return new RootCommand("AsyncCoach: coaching Slack teams toward async-first communication.")
        {
            serve,
            CheckCommand.Create(TimeProvider.System),
            ClassifyCommand.Create(Console.In),
            AuditCommand.Create(AuditCommand.DefaultAuditors),
            DigestCommand.Create(AuditCommand.DefaultAuditors),
            HealthcheckCommand.Create(Environment.GetEnvironmentVariable),
        };
    }

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || (args[0].StartsWith('-') && args[0] is not ("-h" or "--help" or "-?" or "--version")))
        {
            return await ServeCommand.RunAsync(args);
        }

        var root = Create();
        if (!args[0].StartsWith('-') && !root.Subcommands.Any(c => c.Name == args[0]))
        {
            await Console.Error.WriteLineAsync($"AsyncCoach: unknown command '{args[0]}'. Run 'AsyncCoach --help' for the list.");
            return CliInvocation.Usage;
        }

        var result = root.Parse(args, CliInvocation.Parser);
        if (result.Errors.Count > 0)
        {
            var verb = result.CommandResult.Command is RootCommand ? "AsyncCoach" : result.CommandResult.Command.Name;
            await Console.Error.WriteLineAsync($"{verb}: {CliInvocation.FirstError(result).TrimEnd('.')}. Run 'AsyncCoach {(verb == "AsyncCoach" ? "" : verb + " ")}--help' for usage.");
            return CliInvocation.Usage;
        }

        return await result.InvokeAsync(new InvocationConfiguration { Output = Console.Out, Error = Console.Error });
    }
}
