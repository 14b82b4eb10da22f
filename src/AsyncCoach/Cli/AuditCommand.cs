using System.Buffers;
using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AsyncCoach.Audit;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Norms;
using AsyncCoach.Core.Rules;
using AsyncCoach.Norms;
using Spectre.Console;

namespace AsyncCoach.Cli;

/// <summary>
/// <c>AsyncCoach audit &lt;export.zip|folder&gt; [--format text|json|jsonl] [--norms norms.json]
/// [--from DATE] [--to DATE] [--out FILE]</c>: runs a Slack export through the live rules.
/// Exit codes: 0 done, 2 bad input or usage, 130 cancelled. Output appears only once the whole
/// export has been read, so a failure never leaves a report that looks complete.
/// </summary>
public static class AuditCommand
{
    public const int Ok = 0;
    public const int BadInput = 2;
    public const int Cancelled = 130;

    private static readonly Argument<string> Export = new("export") { Description = "A Slack export: the zip as downloaded, or its unpacked folder." };

    private static readonly Option<AuditFormat> Format = new("--format")
    {
        Description = "text (a readable report, the default), json (the summary and every finding) or jsonl (one finding per line).",
        HelpName = "text|json|jsonl",
        CustomParser = r => r.Tokens[0].Value switch
        {
            "text" => AuditFormat.Text,
            "json" => AuditFormat.Json,
            "jsonl" => AuditFormat.Jsonl,
            var other => Error(r, $"--format must be text, json or jsonl, not \"{other}\"", AuditFormat.Text),
        },
    };

    private static readonly Option<string?> NormsFile = new("--norms") { Description = "Team norms as JSON. Default: the defaults of RULES.md.", HelpName = "norms.json" };

    private static readonly Option<DateTimeOffset?> From = new("--from")
    {
        Description = "Start of the period: yyyy-MM-dd (a UTC day) or an ISO 8601 date-time with offset.",
        HelpName = "DATE",
        CustomParser = r => Date(r, "--from", endOfDay: false),
    };

    private static readonly Option<DateTimeOffset?> To = new("--to")
    {
        Description = "End of the period: yyyy-MM-dd (a UTC day, included) or an ISO 8601 date-time with offset (excluded).",
        HelpName = "DATE",
        CustomParser = r => Date(r, "--to", endOfDay: true),
    };

    private static readonly Option<string?> OutFile = new("--out") { Description = "Write the report to this file instead of standard output.", HelpName = "FILE" };

    /// <summary>The verb, auditing with <paramref name="auditors"/>.</summary>
    public static Command Create(ConversationAuditorFactory auditors)
    {
        var command = new Command("audit", "Runs a Slack export through the rules and reports. Exit codes: 0 done, 2 bad input or usage, 130 cancelled.")
        {
            Export, Format, NormsFile, From, To, OutFile,
        };
        CliInvocation.RejectUnknownOptions(Export);
        command.SetAction((result, ct) => RunAsync(result, auditors, ct));
        return command;
    }

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        RunAsync(args, stdout, stderr, DefaultAuditors, ct);

    /// <summary>The same tracker and rules as the live service; the engine is shared, trackers are per conversation.</summary>
    internal static ConversationAuditorFactory DefaultAuditors { get; } = TrackerAuditor.Factory(RuleEngine.CreateDefault());

    internal static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr,
        ConversationAuditorFactory auditors, CancellationToken ct) =>
        CliInvocation.InvokeAsync(Create(auditors), args, stdout, stderr, ct);

    private static async Task<int> RunAsync(ParseResult result, ConversationAuditorFactory auditors, CancellationToken ct)
    {
        var (stdout, stderr) = (result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
        var options = new AuditOptions(result.GetRequiredValue(Export), result.GetValue(Format), result.GetValue(NormsFile),
            result.GetValue(From), result.GetValue(To), result.GetValue(OutFile));
        if (options.From is { } f && options.To is { } t && t <= f)
        {
            return CliInvocation.UsageError("audit", "--to must be after --from", stderr);
        }

        try
        {
            var norms = options.NormsFile is { } normsFile ? NormsJson.ParseFile(normsFile) : TeamNorms.Default;
            if (options.OutFile is { } outFile && Path.GetDirectoryName(Path.GetFullPath(outFile)) is { } dir && !Directory.Exists(dir))
            {
                throw new ExportFormatException($"{outFile}: its folder does not exist.");
            }

            using var findings = options.Format == AuditFormat.Text ? null : new FindingSpool();
            var (summary, people) = Audit(options, norms, auditors, findings, stderr, ct);
            foreach (var warning in summary.Warnings)
            {
                await stderr.WriteLineAsync($"warning: {warning}");
            }

            await WriteOutputAsync(options, summary, people, findings, stdout, ct);
            return Ok;
        }
        catch (Exception ex) when (ex is ExportFormatException or NormsFormatException)
        {
            await stderr.WriteLineAsync($"audit: {ex.Message}");
            return BadInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An unreadable export file or an unwritable --out: the runtime's message names the path.
            await stderr.WriteLineAsync($"audit: {ex.Message}");
            return BadInput;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("audit: cancelled; no report written.");
            return Cancelled;
        }
    }

    private static (AuditSummary Summary, IReadOnlyDictionary<UserId, Person> People) Audit(
        AuditOptions options, TeamNorms norms, ConversationAuditorFactory auditors, FindingSpool? spool,
        TextWriter stderr, CancellationToken ct)
    {
        using var source = ExportSource.Open(options.Export);
        var metadata = ExportMetadata.Read(source);
        var layout = ExportLayout.Plan(source, metadata,
            options.From is { } f ? DateOnly.FromDateTime(f.UtcDateTime) : null,
            options.To is { } t ? DateOnly.FromDateTime(t.UtcDateTime) : null);
        var summary = new AuditSummary { Source = options.Export, RequestedFrom = options.From, RequestedTo = options.To };

        if (!ShowProgress(stderr))
        {
            new AuditRunner(auditors, norms) { From = options.From, To = options.To }
                .Run(source, metadata, layout, summary, spool, ct);
            return (summary, metadata.People);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask($"auditing {layout.DayFileCount:N0} day files", maxValue: Math.Max(1, layout.TotalBytes));
                new AuditRunner(auditors, norms) { From = options.From, To = options.To, DayFileDone = bytes => task.Increment(bytes) }
                    .Run(source, metadata, layout, summary, spool, ct);
                task.Value = task.MaxValue;
            });
        return (summary, metadata.People);
    }

    /// <summary>A bar in a terminal; quiet when stderr is redirected or is not the console.</summary>
    private static bool ShowProgress(TextWriter stderr) =>
        ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;

    private static async Task WriteOutputAsync(AuditOptions options, AuditSummary summary,
        IReadOnlyDictionary<UserId, Person> people, FindingSpool? spool, TextWriter stdout, CancellationToken ct)
    {
        var file = options.OutFile is { } path ? new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16) : null;
        await using (file)
        {
            var writer = file is null ? stdout : new StreamWriter(file, new UTF8Encoding(false), 1 << 16);
            await using (file is null ? null : writer)
            {
                if (spool is null)
                {
                    AuditText.Write(writer, summary, people);
                }
                else if (options.Format == AuditFormat.Jsonl)
                {
                    await CopyLinesAsync(spool, writer, file, separator: "\n", indent: "", ct);
                }
                else
                {
                    await writer.WriteAsync("{\n  \"summary\": ");
                    await writer.WriteAsync(SummaryJson(summary));
                    await writer.WriteAsync(",\n  \"findings\": [\n");
                    await CopyLinesAsync(spool, writer, file, separator: ",\n", indent: "    ", ct);
                    await writer.WriteAsync("\n  ]\n}\n");
                }

                await writer.FlushAsync(ct);
            }
        }
    }

    /// <summary>
    /// The findings from the spool: into a file as bytes (the writer is UTF-8 without a byte order
    /// mark, so flushing it first and then writing to its stream gives the same file), else as text.
    /// </summary>
    private static async Task CopyLinesAsync(FindingSpool spool, TextWriter writer, FileStream? file, string separator, string indent, CancellationToken ct)
    {
        if (file is null)
        {
            spool.CopyLines(writer, separator, indent);
            return;
        }

        await writer.FlushAsync(ct);
        spool.CopyLines(file, separator, indent);
    }

    private static DateTimeOffset? Date(System.CommandLine.Parsing.ArgumentResult result, string option, bool endOfDay)
    {
        try
        {
            return AuditOptions.ParseDate(option, result.Tokens[0].Value, endOfDay);
        }
        catch (ArgumentException ex)
        {
            return Error<DateTimeOffset?>(result, ex.Message, null);
        }
    }

    private static T Error<T>(System.CommandLine.Parsing.ArgumentResult result, string message, T fallback)
    {
        result.AddError(message);
        return fallback;
    }

    private static string SummaryJson(AuditSummary summary)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            JsonReport.WriteSummary(writer, summary);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan).Replace("\n", "\n  ", StringComparison.Ordinal);
    }
}
