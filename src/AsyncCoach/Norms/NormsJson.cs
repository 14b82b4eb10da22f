using System.Globalization;
using System.Text.Json;
using AsyncCoach.Core.Digests;
using AsyncCoach.Core.Norms;
using AsyncCoach.Core.Rules;

namespace AsyncCoach.Norms;

/// <summary>
/// Reads team norms from a JSON object with the keys the service stores (snake_case):
/// <c>working_hours</c> ("09:00-17:00 mon-fri"), <c>exempt_channels</c>, <c>broadcast_threshold</c>,
/// <c>enabled_rules</c>, <c>urgent_markers</c>, <c>extra_phrases</c>, <c>grace_window_seconds</c>,
/// <c>nudge_mode</c>, <c>max_nudges_per_day</c>, <c>max_nudges_per_rule_per_day</c>,
/// <c>observe_mode</c>, <c>nudge_freshness_seconds</c>, <c>leads</c> (user ids), <c>digest_min_group</c> (3 to 50), <c>learn_after</c>, <c>retention_days</c> (7 to 3650). Missing keys keep the defaults; unknown
/// keys are refused, so a typo does not silently fall back to a default.
/// </summary>
public static class NormsJson
{
    public static TeamNorms ParseFile(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new NormsFormatException($"{path}: cannot read the norms file ({ex.Message})", ex);
        }

        try
        {
            return Parse(json);
        }
        catch (NormsFormatException ex)
        {
            throw new NormsFormatException($"{path}: {ex.Message}", ex);
        }
    }

    public static TeamNorms Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new NormsFormatException($"not valid JSON (line {(ex.LineNumber ?? 0) + 1}).", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new NormsFormatException("norms must be a JSON object.");
            }

            var norms = TeamNorms.Default;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                norms = Apply(norms, property.Name, property.Value);
            }

            return norms;
        }
    }

    /// <summary>"09:00-17:00 mon-fri", "08:30-16:30 mon,tue,thu", "22:00-06:00 sun-thu" (overnight), "00:00-24:00 daily".</summary>
    public static WorkingHours ParseWorkingHours(string value)
    {
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2)
        {
            throw new FormatException("expected \"HH:mm-HH:mm days\", e.g. \"09:00-17:00 mon-fri\"");
        }

        var times = parts[0].Split('-');
        if (times.Length != 2)
        {
            throw new FormatException($"\"{parts[0]}\" is not a time range like 09:00-17:00");
        }

        var start = ParseTime(times[0]);
        var end = times[1] == "24:00" ? TimeOnly.MaxValue : ParseTime(times[1]);
        var days = parts.Length == 2 ? ParseDays(parts[1]) : WorkDays.Weekdays;
        return start == end ? throw new FormatException("start and end are the same time") : new WorkingHours(start, end, days);
    }

    private static TeamNorms Apply(TeamNorms norms, string key, JsonElement value)
    {
        try
        {
            return key switch
            {
                "working_hours" => norms with { WorkingHours = ParseWorkingHours(String(value)) },
                "exempt_channels" => norms with { ExemptChannels = new HashSet<string>(Strings(value), StringComparer.Ordinal) },
                "broadcast_threshold" => norms with { BroadcastThreshold = Int(value, min: 1) },
                "enabled_rules" => norms with { EnabledRules = new HashSet<string>(Rules(value), StringComparer.Ordinal) },
                "urgent_markers" => UrgentMarkers(norms, value),
                "extra_phrases" => norms with { ExtraPhrases = Phrases(value) },
                "grace_window_seconds" => norms with { GraceWindow = TimeSpan.FromSeconds(Int(value, min: 0)) },
                "nudge_mode" => norms with { NudgeMode = NudgeModeOf(String(value)) },
                "max_nudges_per_day" => norms with { MaxNudgesPerDay = Int(value, min: 0) },
                "max_nudges_per_rule_per_day" => norms with { MaxNudgesPerRulePerDay = Int(value, min: 0) },
                "observe_mode" => norms with { ObserveMode = value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw new FormatException("expected true or false") },
                "nudge_freshness_seconds" => norms with { NudgeFreshness = TimeSpan.FromSeconds(Int(value, min: 1)) },
                "leads" => norms with { Leads = new HashSet<string>(UserIds(value), StringComparer.Ordinal) },
                "digest_min_group" => norms with { DigestMinGroup = Int(value, min: DigestInput.SmallestMinGroup, max: DigestInput.LargestMinGroup) },
                "learn_after" => norms with { LearnAfterPeople = Int(value, min: 1) },
                "retention_days" => norms with { RetentionDays = Int(value, min: TeamNorms.MinRetentionDays, max: TeamNorms.MaxRetentionDays) },
                _ => throw new NormsFormatException($"unknown key \"{key}\"."),
            };
        }
        catch (FormatException ex)
        {
            throw new NormsFormatException($"key \"{key}\": {ex.Message}.", ex);
        }
    }

    /// <summary>An array of strings (each found anywhere in the text), or <c>{"contains": [...], "starts_with": [...]}</c>.</summary>
    private static TeamNorms UrgentMarkers(TeamNorms norms, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            return norms with { UrgentMarkersContains = Strings(value), UrgentMarkersPrefixes = [] };
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("expected an array of strings or {\"contains\": [...], \"starts_with\": [...]}");
        }

        foreach (var property in value.EnumerateObject())
        {
            norms = property.Name switch
            {
                "contains" => norms with { UrgentMarkersContains = Strings(property.Value) },
                "starts_with" => norms with { UrgentMarkersPrefixes = Strings(property.Value) },
                _ => throw new FormatException($"unknown member \"{property.Name}\" (expected contains or starts_with)"),
            };
        }

        return norms;
    }

    private static Dictionary<string, IReadOnlyList<string>> Phrases(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object
            ? value.EnumerateObject().ToDictionary(p => p.Name, p => (IReadOnlyList<string>)Strings(p.Value), StringComparer.Ordinal)
            : throw new FormatException("expected an object of phrase list name to an array of phrases");

    private static List<string> Rules(JsonElement value)
    {
        var rules = Strings(value);
        var unknown = rules.FirstOrDefault(r => !RuleIds.IsKnown(r));
        return unknown is null ? rules
            : throw new FormatException($"unknown rule \"{unknown}\" (known: {string.Join(", ", RuleIds.All)})");
    }

    private static List<string> UserIds(JsonElement value)
    {
        var ids = Strings(value);
        var bad = ids.FirstOrDefault(id => id.Length < 3 || id[0] is not ('U' or 'W') || !id.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)));
        return bad is null ? ids : throw new FormatException($"\"{bad}\" is not a Slack user id like U0123ABCD");
    }

    private static string String(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : throw new FormatException("expected a string");

    private static List<string> Strings(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
            ? [.. value.EnumerateArray().Select(e => e.GetString() ?? "")]
            : throw new FormatException("expected an array of strings");

    private static int Int(JsonElement value, int min) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= min
            ? n
            : throw new FormatException($"expected a whole number of at least {min}");

    private static int Int(JsonElement value, int min, int max) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= min && n <= max
            ? n
            : throw new FormatException($"expected a whole number from {min} to {max}");

    private static NudgeMode NudgeModeOf(string value) => value switch
    {
        "ephemeral" => NudgeMode.Ephemeral,
        "dm" => NudgeMode.Dm,
        "off" => NudgeMode.Off,
        _ => throw new FormatException("expected ephemeral, dm or off"),
    };

    private static TimeOnly ParseTime(string value) =>
        TimeOnly.TryParseExact(value, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new FormatException($"\"{value}\" is not a time like 09:00");

    private static WorkDays ParseDays(string value)
    {
        if (value is "daily" or "every-day")
        {
            return WorkDays.All;
        }

        var days = WorkDays.None;
        foreach (var part in value.Split(','))
        {
            var range = part.Split('-');
            var first = Day(range[0]);
            var last = range.Length == 2 ? Day(range[1]) : range.Length == 1 ? first
                : throw new FormatException($"\"{part}\" is not a day or a day range");
            for (var day = first; ; day = (day + 1) % 7)
            {
                days |= WorkingHours.ToFlag((DayOfWeek)day);
                if (day == last)
                {
                    break;
                }
            }
        }

        return days;
    }

    private static int Day(string value) => value.ToLowerInvariant() switch
    {
        "sun" => 0,
        "mon" => 1,
        "tue" => 2,
        "wed" => 3,
        "thu" => 4,
        "fri" => 5,
        "sat" => 6,
        _ => throw new FormatException($"\"{value}\" is not a day (mon, tue, wed, thu, fri, sat, sun)"),
    };
}
