using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsyncCoach.Core.Norms;
using AsyncCoach.Norms;

namespace AsyncCoach.Commands;

/// <summary>
/// Turns what follows <c>/async norms set &lt;key&gt;</c> into the JSON value the norms store
/// keeps, per key; the store then validates the whole document. Each key has an example for errors.
/// </summary>
public static class NormsValues
{
    private static readonly Dictionary<string, string> Examples = new(StringComparer.Ordinal)
    {
        ["working_hours"] = "/async norms set working_hours 09:00-17:00 mon-fri",
        ["broadcast_threshold"] = "/async norms set broadcast_threshold 30",
        ["enabled_rules"] = "/async norms set enabled_rules missing-context, vague-urgency",
        ["nudge_mode"] = "/async norms set nudge_mode dm (ephemeral, dm or off)",
        ["max_nudges_per_day"] = "/async norms set max_nudges_per_day 3",
        ["max_nudges_per_rule_per_day"] = "/async norms set max_nudges_per_rule_per_day 1",
        ["observe_mode"] = "/async norms set observe_mode on",
        ["grace_window_seconds"] = "/async norms set grace_window_seconds 90",
        ["nudge_freshness_seconds"] = "/async norms set nudge_freshness_seconds 600",
        ["urgent_markers"] = "/async norms set urgent_markers :rotating_light:, P1 (or JSON: {\"contains\": [\":fire:\"], \"starts_with\": [\"URGENT\"]})",
        ["extra_phrases"] = "/async norms set extra_phrases {\"vague_urgency\": [\"chop chop\"]}",
        ["exempt_channels"] = "/async norms exempt #incidents",
        ["leads"] = "/async norms set leads @ana @bo",
        ["digest_min_group"] = "/async norms set digest_min_group 5 (3 to 50)",
        ["learn_after"] = "/async norms set learn_after 3",
        ["retention_days"] = "/async norms set retention_days 90 (from 7 to 3650)",
    };

    public static IEnumerable<string> Keys => Examples.Keys;

    public static bool IsKnown(string key) => Examples.ContainsKey(key);

    public static string Example(string key) => Examples.GetValueOrDefault(key, "/async norms set broadcast_threshold 30");

    /// <summary>The JSON value for <paramref name="key"/>, or an error line with an example.</summary>
    public static bool TryConvert(string key, string text, out JsonNode? value, out string error)
    {
        value = null;
        error = "";
        var plain = SlackText.Plain(text).Trim();
        switch (key)
        {
            case "working_hours":
                if (!HoursInputParser.TryParse(plain, out var input, out var hoursError))
                {
                    var cut = hoursError.IndexOf(" Try: ", StringComparison.Ordinal);
                    return Fail(key, cut < 0 ? hoursError.TrimEnd('.') : hoursError[..cut].TrimEnd('.'), out error);
                }

                if (input!.TimeZoneId is not null)
                {
                    return Fail(key, "Team hours apply in each person's own time zone, so leave the zone out", out error);
                }

                value = JsonValue.Create(WorkingHoursText.Format(input.Hours));
                return true;

            case "broadcast_threshold" or "digest_min_group" or "max_nudges_per_day" or "max_nudges_per_rule_per_day" or "grace_window_seconds" or "nudge_freshness_seconds" or "learn_after" or "retention_days":
                if (!int.TryParse(plain, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    return Fail(key, $"{key} takes a whole number, not \"{plain}\"", out error);
                }

                value = JsonValue.Create(number);
                return true;

            case "nudge_mode":
                value = JsonValue.Create(plain.ToLowerInvariant());
                return true;

            case "observe_mode":
                bool? on = plain.ToLowerInvariant() switch
                {
                    "on" or "true" or "yes" => true,
                    "off" or "false" or "no" => false,
                    _ => null,
                };
                value = on is { } flag ? JsonValue.Create(flag) : null;
                return on is not null || Fail(key, $"observe_mode is on or off, not \"{plain}\"", out error);

            case "extra_phrases" or "urgent_markers" when key == "extra_phrases" || plain.StartsWith('{') || plain.StartsWith('['):
                try
                {
                    value = JsonNode.Parse(plain);
                    return true;
                }
                catch (JsonException)
                {
                    return Fail(key, $"{key} takes JSON here, and that is not valid JSON", out error);
                }

            case "enabled_rules" or "urgent_markers":
                value = new JsonArray([.. Split(plain, key == "enabled_rules").Select(s => (JsonNode?)JsonValue.Create(s))]);
                return true;

            case "leads":
                var tokens = text.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
                var ids = tokens.Select(SlackText.UserId).ToList();
                var unresolved = tokens.Where((_, i) => ids[i] is null).Select(t => SlackText.Plain(t)).FirstOrDefault();
                if (unresolved is not null || ids.Count == 0)
                {
                    return Fail(key, unresolved is null
                        ? "Name at least one lead"
                        : $"I can't tell who \"{unresolved}\" is. Pick each person from Slack's @ autocomplete", out error);
                }

                value = new JsonArray([.. ids.Distinct(StringComparer.Ordinal).Select(id => (JsonNode?)JsonValue.Create(id))]);
                return true;

            case "exempt_channels":
                return Fail(key, "Use /async norms exempt #channel and /async norms unexempt #channel", out error);

            default:
                error = $"\"{key}\" is not a norm I know. Keys: {string.Join(", ", Keys)}. Example: /async norms set broadcast_threshold 30";
                return false;
        }
    }

    private static IEnumerable<string> Split(string text, bool spacesToo) =>
        text.Split(spacesToo ? [',', ' '] : [','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool Fail(string key, string reason, out string error)
    {
        error = $"{reason}. Example: {Example(key)}";
        return false;
    }
}
