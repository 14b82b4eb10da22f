using System.Globalization;

namespace AsyncCoach.Audit;

/// <summary>The report formats of <c>AsyncCoach audit</c>.</summary>
public enum AuditFormat
{
    Text,
    Json,
    Jsonl,
}

/// <summary>Parsed command line of <c>AsyncCoach audit</c>.</summary>
public sealed record AuditOptions(
    string Export,
    AuditFormat Format,
    string? NormsFile,
    DateTimeOffset? From,
    DateTimeOffset? To,
    string? OutFile)
{
    public const string Usage =
        "usage: AsyncCoach audit <export.zip|folder> [--format text|json|jsonl] [--norms norms.json] [--from DATE] [--to DATE] [--out FILE]\n" +
        "  DATE is yyyy-MM-dd (a UTC day; --to includes that day) or an ISO 8601 date-time with offset.";

    /// <summary>Parses the arguments after the verb; a usage error throws <see cref="ArgumentException"/> with the reason.</summary>
    public static AuditOptions Parse(IReadOnlyList<string> args)
    {
        string? export = null, norms = null, output = null;
        var format = AuditFormat.Text;
        DateTimeOffset? from = null, to = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var eq = arg.StartsWith("--", StringComparison.Ordinal) ? arg.IndexOf('=', StringComparison.Ordinal) : -1;
            var name = eq > 0 ? arg[..eq] : arg;
            string Value() => eq > 0 ? arg[(eq + 1)..]
                : ++i < args.Count ? args[i] : throw new ArgumentException($"{name} needs a value.");
            switch (name)
            {
                case "--format":
                    var value = Value();
                    format = value switch
                    {
                        "text" => AuditFormat.Text,
                        "json" => AuditFormat.Json,
                        "jsonl" => AuditFormat.Jsonl,
                        _ => throw new ArgumentException($"--format must be text, json or jsonl, not \"{value}\"."),
                    };
                    break;
                case "--norms":
                    norms = Value();
                    break;
                case "--out":
                    output = Value();
                    break;
                case "--from":
                    from = ParseDate(name, Value(), endOfDay: false);
                    break;
                case "--to":
                    to = ParseDate(name, Value(), endOfDay: true);
                    break;
                default:
                    if (name.StartsWith('-') && name != "-")
                    {
                        throw new ArgumentException($"unknown option {name}.");
                    }

                    export = export is null ? arg : throw new ArgumentException($"one export only, got \"{export}\" and \"{arg}\".");
                    break;
            }
        }

        if (export is null)
        {
            throw new ArgumentException("the export (a zip or a folder) is required.");
        }

        if (from is { } f && to is { } t && t <= f)
        {
            throw new ArgumentException("--to must be after --from.");
        }

        return new AuditOptions(export, format, norms, from, to, output);
    }

    /// <summary>A bare date is a UTC day: --from starts at its midnight, --to ends at the next one.</summary>
    private static DateTimeOffset ParseDate(string option, string value, bool endOfDay)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? start.AddDays(1) : start;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : throw new ArgumentException($"{option} expects yyyy-MM-dd or an ISO 8601 date-time, not \"{value}\".");
    }
}
