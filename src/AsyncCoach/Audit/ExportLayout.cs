using System.Globalization;
using AsyncCoach.Core.Model;

namespace AsyncCoach.Audit;

/// <summary>A conversation's day files, oldest first.</summary>
public sealed record ConversationDays(Conversation Conversation, IReadOnlyList<ExportDayFile> Days);

/// <summary>One <c>YYYY-MM-DD.json</c> file of a conversation folder.</summary>
public sealed record ExportDayFile(ExportEntry Entry, DateOnly Date);

/// <summary>
/// Matches conversation folders to conversations (by name or by id) and lists their day files in
/// date order. Folders that match nothing are reported as warnings, not failures.
/// </summary>
public sealed record ExportLayout(IReadOnlyList<ConversationDays> Conversations, IReadOnlyList<string> Warnings)
{
    public long TotalBytes => Conversations.Sum(c => c.Days.Sum(d => d.Entry.Length));

    public int DayFileCount => Conversations.Sum(c => c.Days.Count);

    public static ExportLayout Plan(ExportSource source, ExportMetadata metadata, DateOnly? from = null, DateOnly? to = null)
    {
        var warnings = new List<string>();
        var byConversation = new Dictionary<ChannelId, (Conversation Conversation, List<ExportDayFile> Days)>();
        var unmatched = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entry in source.Entries)
        {
            var slash = entry.Path.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0)
            {
                continue; // users.json, channels.json, integration_logs.json, …
            }

            var folder = entry.Path[..slash];
            var file = entry.Path[(slash + 1)..];
            if (metadata.FindByFolder(folder) is not { } conversation)
            {
                unmatched.Add(folder);
                continue;
            }

            if (!TryParseDay(file, out var date))
            {
                warnings.Add($"{ExportMetadata.Describe(source, entry.Path)}: not a day file (YYYY-MM-DD.json); skipped.");
                continue;
            }

            // Day files are dated in the workspace's zone; keep a day either side so no message near midnight is lost.
            if ((from is { } f && date < f.AddDays(-1)) || (to is { } t && date > t.AddDays(1)))
            {
                continue;
            }

            if (!byConversation.TryGetValue(conversation.Id, out var slot))
            {
                byConversation[conversation.Id] = slot = (conversation, []);
            }

            slot.Days.Add(new ExportDayFile(entry, date));
        }

        foreach (var folder in unmatched)
        {
            warnings.Add($"{ExportMetadata.Describe(source, folder + "/")}: folder matches no conversation in channels.json, groups.json, mpims.json or dms.json; skipped.");
        }

        var conversations = byConversation.Values
            .Select(slot => new ConversationDays(
                slot.Conversation,
                [.. slot.Days.OrderBy(d => d.Date).ThenBy(d => d.Entry.Path, StringComparer.Ordinal)]))
            .OrderBy(c => c.Conversation.Name ?? c.Conversation.Id.Value, StringComparer.Ordinal)
            .ThenBy(c => c.Conversation.Id.Value, StringComparer.Ordinal)
            .ToList();
        return new ExportLayout(conversations, warnings);
    }

    private static bool TryParseDay(string file, out DateOnly date)
    {
        date = default;
        return file.EndsWith(".json", StringComparison.Ordinal)
            && DateOnly.TryParseExact(file[..^5], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
