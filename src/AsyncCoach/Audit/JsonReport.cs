using System.Globalization;
using System.Text.Json;

namespace AsyncCoach.Audit;

/// <summary>The <c>json</c> format: one document, the summary then the findings.</summary>
internal static class JsonReport
{
    public static void WriteSummary(Utf8JsonWriter writer, AuditSummary summary)
    {
        writer.WriteStartObject();
        writer.WriteString("source"u8, summary.Source);
        writer.WriteStartObject("period"u8);
        WriteTime(writer, "first_message"u8, summary.First);
        WriteTime(writer, "last_message"u8, summary.Last);
        WriteTime(writer, "from"u8, summary.RequestedFrom);
        WriteTime(writer, "to"u8, summary.RequestedTo);
        writer.WriteEndObject();
        writer.WriteNumber("messages_read"u8, summary.MessagesRead);
        writer.WriteNumber("messages_evaluated"u8, summary.MessagesEvaluated);
        writer.WriteNumber("messages_skipped_bot_or_system"u8, summary.SkippedBotOrSystem);
        writer.WriteNumber("messages_skipped_outside_period"u8, summary.SkippedOutsidePeriod);
        writer.WriteNumber("people"u8, summary.PeopleCovered);
        writer.WriteNumber("conversations"u8, summary.ConversationsAudited);
        writer.WriteNumber("day_files"u8, summary.DayFiles);
        writer.WriteNumber("findings"u8, summary.FindingCount);
        writer.WriteStartObject("rules"u8);
        foreach (var (rule, count) in summary.FindingsPerRule)
        {
            writer.WriteStartObject(rule);
            writer.WriteNumber("findings"u8, count);
            writer.WriteNumber("per_100_messages"u8, Math.Round(summary.RatePer100(count), 2));
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartObject("after_hours_by_local_time"u8);
        for (var day = 0; day < 7; day++)
        {
            writer.WriteStartArray(AuditText.WeekdayNames[day]);
            for (var hour = 0; hour < 24; hour++)
            {
                writer.WriteNumberValue(summary.AfterHoursGrid[day, hour]);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteStartArray("top_conversations"u8);
        foreach (var top in summary.TopConversations(10))
        {
            writer.WriteStartObject();
            writer.WriteString("channel"u8, top.Conversation.Id.Value);
            if (top.Conversation.Name is { } name)
            {
                writer.WriteString("name"u8, name);
            }

            writer.WriteNumber("findings"u8, top.Findings);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("suggestions"u8);
        foreach (var suggestion in Suggestions.For(summary))
        {
            writer.WriteStartObject();
            writer.WriteString("practice"u8, suggestion.Practice);
            writer.WriteString("rule"u8, suggestion.RuleId);
            writer.WriteString("text"u8, suggestion.Text);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("warnings"u8);
        foreach (var warning in summary.Warnings)
        {
            writer.WriteStringValue(warning);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            writer.WriteString(name, value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
