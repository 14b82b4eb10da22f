using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text;
using AsyncCoach.Audit;
using AsyncCoach.Core.Digests;
using AsyncCoach.Core.Norms;
using AsyncCoach.Digests;
using AsyncCoach.Norms;

namespace AsyncCoach.Cli;

/// <summary>
/// <c>AsyncCoach digest &lt;export.zip|folder&gt; [--week 2026-03-09] [--tz Europe/Berlin] [--lead U…]
/// [--channels general,eng] [--format text|json]</c>: the digest a lead would have received for
/// that week, from a Slack export, built by the service's own <see cref="DigestBuilder"/>.
/// Exit codes: 0 done, 2 bad input or usage, 130 cancelled.
/// </summary>
public static class DigestCommand
{
    public const int Ok = 0;
    public const int BadInput = 2;
    public const int Cancelled = 130;

    private static readonly Argument<string> Export = new("export") { Description = "A Slack export: the zip as downloaded, or its unpacked folder." };

    private static readonly Option<DateOnly?> Week = new("--week")
    {
        Description = "The Monday the week starts on (yyyy-MM-dd). Default: the week of the export's last day.",
        CustomParser = ParseWeek,
    };

    private static readonly Option<TimeZoneInfo?> Zone = new("--tz")
    {
        Description = "The lead's IANA time zone: weeks run Monday 00:00 to Monday 00:00 there. Default: UTC.",
        HelpName = "zone",
        CustomParser = ParseZone,
    };

    private static readonly Option<string?> Lead = new("--lead")
    {
        Description = "The lead's user id (U… or W…): adds their own habits, for their eyes only.",
        HelpName = "user",
    };

    private static readonly Option<string[]> Channels = new("--channels")
    {
        Description = "Narrow to these channels, by name or id, comma-separated (general,eng). Default: every conversation.",
        HelpName = "list",
        CustomParser = r => [.. r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
    };

    private static readonly Option<string> Format = new("--format")
    {
        Description = "Output: readable text, or JSON for other tools.",
        HelpName = "text|json",
        DefaultValueFactory = _ => "text",
    };

    private static readonly Option<int> MinGroup = new("--min-group")
    {
        Description = "The privacy floor (the digest_min_group norm): a breakdown needs at least this many people. From 3 to 50.",
        HelpName = "n",
        DefaultValueFactory = _ => DigestInput.DefaultMinGroup,
    };

    private static readonly Option<string?> NormsFile = new("--norms")
    {
        Description = "Team norms as JSON, as for audit. Default: the defaults of RULES.md.",
        HelpName = "file",
    };

    static DigestCommand()
    {
        Format.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is not ("text" or "json"))
            {
                r.AddError($"--format must be text or json, not \"{r.GetValueOrDefault<string>()}\".");
            }
        });
        Lead.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } id && !IsUserId(id))
            {
                r.AddError($"--lead: \"{id}\" is not a Slack user id such as U012AB3CD.");
            }
        });
        MinGroup.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < DigestInput.SmallestMinGroup)
            {
                r.AddError($"--min-group must be at least {DigestInput.SmallestMinGroup}: a smaller group can name a person.");
            }
            else if (r.GetValueOrDefault<int>() > DigestInput.LargestMinGroup)
            {
                r.AddError($"--min-group must be at most {DigestInput.LargestMinGroup}, as the digest_min_group norm: for example --min-group 5.");
            }
        });
    }

    /// <summary>The verb, for the root command; its action writes to the invocation's output.</summary>
    public static Command Create(ConversationAuditorFactory auditors)
    {
        var command = new Command("digest", "Show the weekly digest a lead would have received, from a Slack export.")
        {
            Export, Week, Zone, Lead, Channels, Format, MinGroup, NormsFile,
        };
        CliInvocation.RejectUnknownOptions(Export);
        command.SetAction((result, ct) => RunAsync(result, auditors, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct));
        return command;
    }

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        RunAsync(args, stdout, stderr, AuditCommand.DefaultAuditors, ct);

    internal static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, ConversationAuditorFactory auditors, CancellationToken ct) =>
        CliInvocation.InvokeAsync(Create(auditors), args, stdout, stderr, ct);

    private static async Task<int> RunAsync(ParseResult result, ConversationAuditorFactory auditors, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        try
        {
            var norms = result.GetValue(NormsFile) is { } normsFile ? NormsJson.ParseFile(normsFile) : TeamNorms.Default;
            var request = new ExportDigestRequest(result.GetRequiredValue(Export), result.GetValue(Week), result.GetValue(Zone) ?? TimeZoneInfo.Utc,
                result.GetValue(Lead), result.GetValue(Channels) ?? [], result.GetValue(MinGroup), norms);
            var (input, warnings) = ExportDigest.Read(request, auditors, ct);
            foreach (var warning in warnings)
            {
                await stderr.WriteLineAsync($"warning: {warning}");
            }

            var digest = DigestBuilder.Build(input);
            if (result.GetValue(Format) == "json")
            {
                using var buffer = new MemoryStream();
                DigestJson.Write(buffer, digest);
                await stdout.WriteAsync(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + "\n");
            }
            else
            {
                DigestText.Write(stdout, digest);
            }

            return Ok;
        }
        catch (Exception ex) when (ex is ExportFormatException or NormsFormatException or DigestUsageException or IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"digest: {ex.Message}");
            return BadInput;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("digest: cancelled.");
            return Cancelled;
        }
    }

    private static DateOnly? ParseWeek(ArgumentResult result)
    {
        var value = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            result.AddError($"--week expects a date such as 2026-03-09, not \"{value}\".");
            return null;
        }

        if (date.DayOfWeek != DayOfWeek.Monday)
        {
            var monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
            result.AddError($"--week {value} is a {date.DayOfWeek}; weeks start on Monday (that week's is {monday:yyyy-MM-dd}).");
            return null;
        }

        return date;
    }

    private static TimeZoneInfo? ParseZone(ArgumentResult result)
    {
        var value = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (TimeZoneInfo.TryFindSystemTimeZoneById(value, out var zone))
        {
            return zone;
        }

        result.AddError($"--tz: unknown time zone \"{value}\" (use an IANA id such as Europe/Berlin).");
        return null;
    }

    private static bool IsUserId(string id) =>
        id.Length is >= 3 and <= 20 && id[0] is 'U' or 'W' && id.Skip(1).All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9'));
}
