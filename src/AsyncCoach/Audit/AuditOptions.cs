using System.Globalization;

namespace AsyncCoach.Audit;

/// <summary>The report formats of <c>AsyncCoach audit</c>.</summary>
public enum AuditFormat
{
    Text,
    Json,
    Jsonl,
}

/// <summary>What <c>AsyncCoach audit</c> was asked for (parsed by <see cref="Cli.AuditCommand"/>).</summary>
public sealed record AuditOptions(
    string Export,
    AuditFormat Format,
    string? NormsFile,
    DateTimeOffset? From,
    DateTimeOffset? To,
    string? OutFile)
{
    /// <summary>A bare date is a UTC day: --from starts at its midnight, --to ends at the next one.</summary>
    public static DateTimeOffset ParseDate(string option, string value, bool endOfDay)
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
