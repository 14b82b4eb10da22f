using System.Runtime.CompilerServices;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;

namespace AsyncCoach.Audit;

/// <summary>
/// Counts for one conversation, kept by the one worker that audits it and merged into the
/// <see cref="AuditSummary"/> when the conversation is done. No message text.
/// </summary>
internal sealed class ConversationTally(Conversation conversation, int dayFiles)
{
    public Conversation Conversation { get; } = conversation;

    public int DayFiles { get; } = dayFiles;

    public long Read { get; set; }

    public long Evaluated { get; private set; }

    public long SkippedBotOrSystem { get; set; }

    public long SkippedOutsidePeriod { get; set; }

    public HashSet<string> Authors { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset? First { get; private set; }

    public DateTimeOffset? Last { get; private set; }

    public int Findings { get; private set; }

    public Dictionary<string, int> PerRule { get; } = new(StringComparer.Ordinal);

    public int[,] AfterHoursGrid { get; } = new int[7, 24];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Evaluate(ChatMessage message, DateTimeOffset time)
    {
        Evaluated++;
        Authors.Add(message.Author.Value);
        First = First is { } first && first <= time ? first : time;
        Last = Last is { } last && last >= time ? last : time;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(Finding finding)
    {
        Findings++;
        PerRule[finding.RuleId] = PerRule.GetValueOrDefault(finding.RuleId) + 1;
        foreach (var recipient in finding.OffHoursRecipients)
        {
            var local = recipient.LocalTime;
            AfterHoursGrid[((int)local.DayOfWeek + 6) % 7, local.Hour]++;
        }
    }
}
