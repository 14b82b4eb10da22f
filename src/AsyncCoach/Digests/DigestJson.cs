using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using AsyncCoach.Core.Digests;

namespace AsyncCoach.Digests;

/// <summary>
/// The digest as JSON for other tools (the shape of issue #17): week bounds with their offset,
/// <c>min_group</c>, one entry per rule (null counts when folded) and <c>other</c>, then the
/// rest of the digest. Written with <see cref="Utf8JsonWriter"/>: no reflection, AOT-safe.
/// </summary>
public static class DigestJson
{
    public static void Write(Stream stream, Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("week_start", Instant(digest.WeekStart));
        json.WriteString("week_end", Instant(digest.WeekEnd));
        json.WriteNumber("min_group", digest.MinGroup);
        json.WriteString("kind", digest.Kind switch
        {
            DigestKind.Quiet => "quiet",
            DigestKind.NewTeam => "new_team",
            DigestKind.BelowFloor => "below_floor",
            _ => "full",
        });
        json.WriteBoolean("late", digest.Late);
        json.WriteStartObject("totals");
        json.WriteNumber("this_week", digest.Totals.ThisWeek);
        Number(json, "last_week", digest.Totals.LastWeek);
        json.WriteEndObject();
        json.WriteStartArray("rules");
        foreach (var rule in digest.Rules)
        {
            json.WriteStartObject();
            json.WriteString("rule", rule.RuleId);
            json.WriteBoolean("shown", rule.Shown);
            Number(json, "this_week", rule.ThisWeek);
            Number(json, "last_week", rule.LastWeek);
            Number(json, "people", rule.People);
            Number(json, "change", rule.Change);
            if (rule.Trend is { } trend)
            {
                json.WriteStartArray("trend");
                foreach (var week in trend)
                {
                    if (week is { } n)
                    {
                        json.WriteNumberValue(n);
                    }
                    else
                    {
                        json.WriteNullValue();
                    }
                }

                json.WriteEndArray();
                json.WriteString("sparkline", Sparkline.Render(trend));
            }
            else
            {
                json.WriteNull("trend");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("other");
        json.WriteNumber("this_week", digest.Other.ThisWeek);
        Number(json, "last_week", digest.Other.LastWeek);
        json.WriteNumber("rules", digest.Other.Rules);
        json.WriteEndObject();
        WriteRest(json, digest);
        json.WriteEndObject();
    }

    private static void WriteRest(Utf8JsonWriter json, Digest digest)
    {
        json.WriteStartArray("channels");
        foreach (var channel in digest.Channels)
        {
            json.WriteStartObject();
            json.WriteString("channel", channel.ChannelId);
            json.WriteString("name", channel.Name);
            json.WriteNumber("findings", channel.Findings);
            json.WriteNumber("people", channel.People);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (digest.AfterHours is { } afterHours)
        {
            json.WriteStartObject("after_hours");
            json.WriteNumber("messages", afterHours.Messages);
            json.WriteNumber("after_hours", afterHours.AfterHours);
            json.WriteNumber("share", Math.Round(afterHours.Share, 4));
            Number(json, "last_week_share", afterHours.LastWeekShare is { } before ? Math.Round(before, 4) : null);
            json.WriteStartArray("slots");
            foreach (var slot in afterHours.Slots)
            {
                json.WriteStartObject();
                json.WriteString("day", slot.Day.ToString().ToLowerInvariant());
                json.WriteString("part", slot.Part.ToString().ToLowerInvariant());
                json.WriteNumber("after_hours", slot.AfterHours);
                json.WriteNumber("messages", slot.Messages);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("other_times", afterHours.FoldedAfterHours);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("after_hours");
        }

        json.WriteStartArray("nudges");
        foreach (var nudges in digest.Nudges)
        {
            json.WriteStartObject();
            json.WriteString("rule", nudges.RuleId);
            json.WriteBoolean("shown", nudges.Shown);
            Number(json, "delivered", nudges.Delivered);
            Number(json, "thanks", nudges.Thanks);
            Number(json, "not_helpful", nudges.NotHelpful);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("flagged");
        foreach (var flag in digest.Flagged)
        {
            json.WriteStartObject();
            json.WriteString("rule", flag.RuleId);
            json.WriteString("norm", flag.NormKey);
            json.WriteNumber("not_helpful", flag.NotHelpful);
            json.WriteNumber("answers", flag.Answers);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("suggestions");
        foreach (var suggestion in digest.Suggestions)
        {
            json.WriteStartObject();
            json.WriteString("practice", suggestion.Practice);
            json.WriteString("rule", suggestion.RuleId);
            json.WriteString("text", suggestion.Text);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (digest.Lead is { } lead)
        {
            json.WriteStartObject("lead");
            LeadWeek(json, "this_week", lead.ThisWeek);
            LeadWeek(json, "last_week", lead.LastWeek);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("lead");
        }

        json.WriteString("footer", digest.Footer);
    }

    private static void LeadWeek(Utf8JsonWriter json, string name, LeadWeek week)
    {
        json.WriteStartObject(name);
        json.WriteNumber("messages", week.Messages);
        json.WriteNumber("after_hours_pings", week.AfterHoursPings);
        json.WriteNumber("people_reached_after_hours", week.PeopleReachedAfterHours);
        json.WriteNumber("calls_proposed", week.CallsProposed);
        json.WriteNumber("findings", week.Findings);
        json.WriteEndObject();
    }

    private static string Instant(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static void Number(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } n)
        {
            json.WriteNumber(name, n);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } n)
        {
            json.WriteNumber(name, n);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
