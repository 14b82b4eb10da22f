using System.Globalization;
using System.Text.RegularExpressions;

namespace AsyncCoach.Core.Norms;

/// <summary>
/// Reads what follows <c>/async snooze</c>: a duration (<c>30m</c>, <c>2h</c>, <c>1d</c>, <c>1w</c>),
/// <c>until 2026-12-01</c> (the start of that day, or <c>until 2026-12-01 14:00</c>, in the
/// person's zone) or <c>off</c>. A moment that is not in the future, or more than
/// <see cref="MaxSnooze"/> away, is an error: for longer breaks there is opt-out.
/// </summary>
public static partial class SnoozeInputParser
{
    public const string Example = "/async snooze 2h (or 30m, 1d, until 2026-12-01, off)";

    public static readonly TimeSpan MaxSnooze = TimeSpan.FromDays(90);

    /// <summary>
    /// On success <paramref name="until"/> is the moment nudges resume, or null for <c>off</c>.
    /// </summary>
    public static bool TryParse(string text, DateTimeOffset now, TimeZoneInfo zone, out DateTimeOffset? until, out string error)
    {
        until = null;
        error = "";
        var value = text.Trim();
        if (value.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (Duration().Match(value) is { Success: true } duration)
        {
            if (!int.TryParse(duration.Groups["n"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n == 0)
            {
                error = $"A snooze needs a length of at least 1. Try: {Example}";
                return false;
            }

            var unit = duration.Groups["unit"].Value.ToLowerInvariant()[0] switch
            {
                'm' => TimeSpan.FromMinutes(1),
                'h' => TimeSpan.FromHours(1),
                'd' => TimeSpan.FromDays(1),
                _ => TimeSpan.FromDays(7),
            };
            if (n > MaxSnooze / unit)
            {
                error = TooLong();
                return false;
            }

            until = now + (unit * n);
            return true;
        }

        if (Until().Match(value) is { Success: true } match)
        {
            if (!DateOnly.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                error = $"\"{match.Groups["date"].Value}\" is not a date. Try: /async snooze until 2026-12-01";
                return false;
            }

            var time = TimeOnly.MinValue;
            if (match.Groups["time"].Success && !TimeOnly.TryParseExact(match.Groups["time"].Value, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
            {
                error = $"\"{match.Groups["time"].Value}\" is not a time of day. Try: /async snooze until 2026-12-01 09:00";
                return false;
            }

            var local = date.ToDateTime(time);
            if (zone.IsInvalidTime(local))
            {
                local = local.AddHours(1); // skipped by a DST jump: resume when clocks do
            }

            var moment = new DateTimeOffset(local, zone.GetUtcOffset(local));
            if (moment <= now)
            {
                error = $"{match.Groups["date"].Value} is already past in {zone.Id}. Pick a later date, e.g. /async snooze until {DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime).AddDays(7):yyyy-MM-dd}";
                return false;
            }

            if (moment - now > MaxSnooze)
            {
                error = TooLong();
                return false;
            }

            until = moment;
            return true;
        }

        error = $"I couldn't read \"{value}\" as a snooze. Try: {Example}";
        return false;
    }

    private static string TooLong() =>
        $"A snooze can last at most {MaxSnooze.TotalDays:0} days; for a longer break use /async optout (and /async optin to come back).";

    [GeneratedRegex(@"^(?<n>\d{1,6})\s*(?<unit>m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|wk|weeks?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Duration();

    [GeneratedRegex(@"^until\s+(?<date>\S+)(?:\s+(?<time>\S+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Until();
}
