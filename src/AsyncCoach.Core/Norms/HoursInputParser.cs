using System.Globalization;
using System.Text.RegularExpressions;

namespace AsyncCoach.Core.Norms;

/// <summary>
/// Reads working hours as people type them after <c>/async hours</c>: a time range in 24-hour
/// (<c>08:30-16:30</c>) or 12-hour form (<c>8:30am-4:30pm</c>, <c>9am-5pm</c>), optional days
/// (<c>mon-thu</c>, <c>mon,wed,fri</c>, <c>weekdays</c>, <c>weekends</c>, <c>daily</c>; Monday to
/// Friday when left out) and an optional IANA time zone (<c>Europe/Lisbon</c>). An end before the
/// start is a night shift. Pure: errors come back as one line, nothing is thrown.
/// </summary>
public static partial class HoursInputParser
{
    public const string Example = "/async hours 08:30-16:30 mon-thu Europe/Lisbon";

    public static bool TryParse(string text, out HoursInput? input, out string error)
    {
        input = null;

        // "9am - 5pm", "9 am-5 pm" and "9am to 5pm" read as one range.
        var normalized = Meridiem().Replace(Dash().Replace(To().Replace(text, "-"), "-"), "$1$2");
        var tokens = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (tokens.Length is 0 or > 3)
        {
            error = $"I couldn't read those hours. Try: {Example}";
            return false;
        }

        var range = tokens[0].Split('-');
        if (range.Length != 2)
        {
            error = $"\"{tokens[0]}\" is not a time range. Try: {Example}";
            return false;
        }

        if (!TryParseTime(range[0], isEnd: false, out var start) || !TryParseTime(range[1], isEnd: true, out var end))
        {
            var bad = TryParseTime(range[0], isEnd: false, out _) ? range[1] : range[0];
            error = $"\"{bad}\" is not a time of day (00:00-23:59, or 12-hour like 9am or 4:30pm). Try: {Example}";
            return false;
        }

        if (start == end)
        {
            error = $"The start and end are the same time. Try: {Example}";
            return false;
        }

        WorkDays? days = null;
        string? zone = null;
        foreach (var token in tokens.Skip(1))
        {
            if (days is null && TryParseDays(token, out var parsedDays))
            {
                days = parsedDays;
            }
            else if (zone is null && TryFindZone(token, out var found))
            {
                zone = found;
            }
            else
            {
                error = token.Contains('/', StringComparison.Ordinal)
                    ? $"\"{token}\" is not a time zone I know. Use an IANA name, for example: {Example}"
                    : $"\"{token}\" is neither days (mon-thu, mon,wed,fri, weekdays, daily) nor a time zone (Europe/Lisbon). Try: {Example}";
                return false;
            }
        }

        input = new HoursInput(new WorkingHours(start, end, days ?? WorkDays.Weekdays), zone);
        error = "";
        return true;
    }

    /// <summary>An IANA (or other system) zone id, returned as the system spells it.</summary>
    public static bool TryFindZone(string id, out string? zoneId)
    {
        zoneId = TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone.Id : null;
        return zoneId is not null;
    }

    /// <summary>24-hour <c>H:mm</c>/<c>HH:mm</c> (and <c>24:00</c> as an end), or 12-hour <c>9am</c>, <c>4:30pm</c>.</summary>
    public static bool TryParseTime(string value, bool isEnd, out TimeOnly time)
    {
        time = default;
        var text = value.Trim().ToLowerInvariant();
        var meridiem = text.EndsWith("am", StringComparison.Ordinal) ? "am" : text.EndsWith("pm", StringComparison.Ordinal) ? "pm" : null;
        if (meridiem is not null)
        {
            text = text[..^2];
        }

        var parts = text.Split(':');
        if (parts.Length > 2 || parts.Any(p => p.Length is 0 or > 2 || !p.All(char.IsAsciiDigit)))
        {
            return false;
        }

        var hour = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var minute = parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
        if (parts.Length == 2 && parts[1].Length != 2 || minute > 59)
        {
            return false;
        }

        if (meridiem is null)
        {
            // A bare "9" is too ambiguous (9:00 or 21:00?); 24-hour times need their minutes.
            if (parts.Length != 2)
            {
                return false;
            }

            if (hour == 24 && minute == 0 && isEnd)
            {
                time = TimeOnly.MaxValue;
                return true;
            }

            if (hour > 23)
            {
                return false;
            }
        }
        else
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }

            hour = (hour % 12) + (meridiem == "pm" ? 12 : 0);
        }

        time = new TimeOnly(hour, minute);
        return true;
    }

    /// <summary><c>mon-thu</c>, <c>mon,wed,fri</c>, <c>sat-sun,wed</c>, <c>weekdays</c>, <c>weekends</c>, <c>daily</c>; full day names too.</summary>
    public static bool TryParseDays(string value, out WorkDays days)
    {
        days = WorkDays.None;
        switch (value.ToLowerInvariant())
        {
            case "weekdays":
                days = WorkDays.Weekdays;
                return true;
            case "weekends" or "weekend":
                days = WorkDays.Saturday | WorkDays.Sunday;
                return true;
            case "daily" or "everyday" or "every-day":
                days = WorkDays.All;
                return true;
        }

        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split('-');
            if (range.Length > 2 || DayIndex(range[0]) is not { } first || DayIndex(range[^1]) is not { } last)
            {
                days = WorkDays.None;
                return false;
            }

            for (var day = first; ; day = (day + 1) % 7)
            {
                days |= WorkingHours.ToFlag((DayOfWeek)day);
                if (day == last)
                {
                    break;
                }
            }
        }

        return days != WorkDays.None;
    }

    private static int? DayIndex(string value) => value.ToLowerInvariant() switch
    {
        "sun" or "sunday" => 0,
        "mon" or "monday" => 1,
        "tue" or "tues" or "tuesday" => 2,
        "wed" or "wednesday" => 3,
        "thu" or "thur" or "thurs" or "thursday" => 4,
        "fri" or "friday" => 5,
        "sat" or "saturday" => 6,
        _ => null,
    };

    [GeneratedRegex(@"\s+to\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex To();

    [GeneratedRegex(@"\s*-\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Dash();

    [GeneratedRegex(@"(\d)\s+(am|pm)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Meridiem();
}
