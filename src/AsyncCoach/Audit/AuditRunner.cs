using AsyncCoach.Core.Model;
using AsyncCoach.Core.Norms;
using AsyncCoach.Core.Rules;

namespace AsyncCoach.Audit;

/// <summary>
/// Streams an export through the rules: conversation by conversation, day file by day file,
/// message by message in ts order. Holds one day file at a time; keeps counts, not text.
/// </summary>
public sealed class AuditRunner(ConversationAuditorFactory auditorFactory, TeamNorms norms)
{
    /// <summary>Subtypes that are a person writing; every other subtype (bot_message, channel_join, …) is skipped.</summary>
    private static readonly HashSet<string> HumanSubtypes = new(StringComparer.Ordinal)
    {
        "thread_broadcast", "file_share", "me_message",
    };

    public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive end of the audited period.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Called after each day file with its size in bytes.</summary>
    public Action<long>? DayFileDone { get; init; }

    public void Run(ExportSource source, ExportMetadata metadata, ExportLayout layout, AuditSummary summary,
        Action<Finding, Conversation> onFinding, CancellationToken ct)
    {
        summary.Warnings.AddRange(layout.Warnings);
        var day = new List<ExportMessage>();
        foreach (var (conversation, days) in layout.Conversations)
        {
            summary.StartConversation(conversation, days.Count);
            var auditor = auditorFactory(conversation, metadata.People, norms);
            foreach (var file in days)
            {
                ct.ThrowIfCancellationRequested();
                using (var stream = source.Open(file.Entry))
                {
                    DayFileParser.Parse(stream, ExportMetadata.Describe(source, file.Entry.Path), day);
                }

                foreach (var raw in day)
                {
                    summary.Read();
                    if (ToChatMessage(raw, conversation, metadata) is not { } message)
                    {
                        summary.SkipBotOrSystem();
                        continue;
                    }

                    if ((From is { } from && message.Time < from) || (To is { } to && message.Time >= to))
                    {
                        summary.SkipOutsidePeriod();
                        continue;
                    }

                    summary.Evaluated(message);
                    Emit(auditor.Observe(message), conversation, summary, onFinding);
                }

                day.Clear(); // drop the day's text before reading the next
                DayFileDone?.Invoke(file.Entry.Length);
            }

            Emit(auditor.Finish(), conversation, summary, onFinding);
        }
    }

    private static ChatMessage? ToChatMessage(in ExportMessage raw, Conversation conversation, ExportMetadata metadata)
    {
        if (raw.HasBotId || raw.User is not { Length: > 0 } user
            || (raw.Subtype is { } subtype && !HumanSubtypes.Contains(subtype)))
        {
            return null;
        }

        var author = new UserId(user);
        if (metadata.People.TryGetValue(author, out var person) && person.IsBot)
        {
            return null;
        }

        return new ChatMessage(metadata.Team, conversation.Id, conversation.Kind, author, new MessageTs(raw.Ts),
            raw.ThreadTs is { } thread ? new MessageTs(thread) : null, raw.Text ?? "");
    }

    private static void Emit(IReadOnlyList<Finding> findings, Conversation conversation, AuditSummary summary,
        Action<Finding, Conversation> onFinding)
    {
        foreach (var finding in findings)
        {
            summary.Add(finding);
            onFinding(finding, conversation);
        }
    }
}
