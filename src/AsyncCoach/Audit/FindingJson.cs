using System.Runtime.CompilerServices;
using System.Text.Json;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;

namespace AsyncCoach.Audit;

/// <summary>
/// One finding as a JSON object: <c>rule</c>, <c>channel</c> (the conversation id), <c>ts</c>
/// (verbatim from the export) and <c>user</c> first, then optional detail.
/// </summary>
internal static class FindingJson
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(Utf8JsonWriter writer, Finding finding, Conversation conversation)
    {
        writer.WriteStartObject();
        writer.WriteString("rule"u8, finding.RuleId);
        writer.WriteString("channel"u8, finding.Channel.Value);
        writer.WriteString("ts"u8, finding.Ts.Value);
        writer.WriteString("user"u8, finding.Author.Value);
        if (finding.ThreadTs is { } thread && thread != finding.Ts)
        {
            writer.WriteString("thread_ts"u8, thread.Value);
        }

        writer.WriteString("conversation_type"u8, conversation.Kind.ToSlack());
        writer.WriteString("at"u8, finding.At.UtcDateTime); // ISO 8601 in UTC, e.g. 2016-01-15T05:55:52.000006Z
        if (finding.Evidence.Count > 0)
        {
            writer.WriteStartArray("evidence"u8);
            foreach (var phrase in finding.Evidence)
            {
                writer.WriteStringValue(phrase);
            }

            writer.WriteEndArray();
        }

        if (finding.OffHoursRecipients.Count > 0)
        {
            writer.WriteStartArray("recipients_off_hours"u8);
            foreach (var recipient in finding.OffHoursRecipients)
            {
                writer.WriteStartObject();
                writer.WriteString("user"u8, recipient.User.Value);
                writer.WriteString("tz"u8, recipient.TimeZoneId);
                writer.WriteString("local_time"u8, recipient.LocalTime); // ISO 8601 with the recipient's offset
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}
