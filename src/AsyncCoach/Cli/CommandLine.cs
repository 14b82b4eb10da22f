namespace AsyncCoach.Cli;

/// <summary>The verbs of the one executable. No verb (or <c>serve</c>) runs the service.</summary>
public static class CommandLine
{
    public const string Usage = """
        AsyncCoach: coaching Slack teams toward async-first communication.

        Usage: AsyncCoach [command] [options]

        Commands:
          serve        Run the service (the default). ASP.NET Core options apply: --urls http://127.0.0.1:5080
          check        Check one message against the rules:  check "hey <@U2> got a minute?"
          classify     Place a task on the async taxonomy:     classify "pick a vendor for the CI"
          audit        Report on a Slack export:                audit export.zip
          digest       A lead's weekly digest from an export:   digest export.zip --week 2026-03-09

        Run 'AsyncCoach <command> --help' for a command's options.
        """;

    private static async Task<int> RunAuditAsync(string[] args)
    {
        // Ctrl+C stops the audit cleanly (exit 130) instead of killing it mid-write.
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await AuditCommand.RunAsync(args, Console.Out, Console.Error, cancel.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args.Length == 0 ? "serve" : args[0];
        var rest = args.Length == 0 ? args : args[1..];
        switch (verb)
        {
            case "serve":
                return await ServeCommand.RunAsync(rest);
            case "check":
                return CheckCommand.Run(rest, Console.Out, Console.Error);
            case "classify":
                return ClassifyCommand.Run(rest, Console.In, Console.Out, Console.Error);
            case "audit":
                return await RunAuditAsync(rest);
            case "digest":
                return await DigestCommand.RunAsync(rest, Console.Out, Console.Error, CancellationToken.None);
            case "--help" or "-h" or "help":
                await Console.Out.WriteAsync(Usage + Environment.NewLine);
                return 0;
            case var option when option.StartsWith('-'):
                // Host options with no verb (`--urls …`, `--environment …`) mean serve.
                return await ServeCommand.RunAsync(args);
            default:
                await Console.Error.WriteLineAsync($"AsyncCoach: unknown command '{verb}'. Run 'AsyncCoach --help' for the list.");
                return 2;
        }
    }
}
