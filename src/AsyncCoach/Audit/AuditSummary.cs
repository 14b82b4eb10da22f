using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;

namespace AsyncCoach.Audit;

/// <summary>Counts gathered while the audit streams: everything the reports need, and no message text.</summary>
public sealed class AuditSummary
{
    private readonly HashSet<string> people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> perRule = RuleIds.All.ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
    private readonly Dictionary<ChannelId, ConversationCount> perConversation = [];

    public string Source { get; init; } = "";

    /// <summary>Every entry read from day files, evaluated or not.</summary>
    public long MessagesRead { get; private set; }

    /// <summary>Human messages run through the rules.</summary>
    public long MessagesEvaluated { get; private set; }

    public long SkippedBotOrSystem { get; private set; }

    public long SkippedOutsidePeriod { get; private set; }

    public int ConversationsAudited { get; private set; }

    public int DayFiles { get; private set; }

    public int PeopleCovered => people.Count;

    public long FindingCount { get; private set; }

    public DateTimeOffset? First { get; private set; }

    public DateTimeOffset? Last { get; private set; }

    public DateTimeOffset? RequestedFrom { get; init; }

    public DateTimeOffset? RequestedTo { get; init; }

    public IReadOnlyDictionary<string, int> FindingsPerRule => perRule;

    /// <summary>After-hours pings per recipient, by the recipient's local weekday (Monday = 0) and hour.</summary>
    public int[,] AfterHoursGrid { get; } = new int[7, 24];

    public List<string> Warnings { get; } = [];

    public IEnumerable<ConversationCount> TopConversations(int count) =>
        perConversation.Values
            .Where(c => c.Findings > 0)
            .OrderByDescending(c => c.Findings)
            .ThenBy(c => c.Conversation.Id.Value, StringComparer.Ordinal)
            .Take(count);

    /// <summary>Findings per 100 evaluated messages.</summary>
    public double RatePer100(int findings) => MessagesEvaluated == 0 ? 0 : findings * 100.0 / MessagesEvaluated;

    internal void StartConversation(Conversation conversation, int dayFiles)
    {
        ConversationsAudited++;
        DayFiles += dayFiles;
        perConversation[conversation.Id] = new ConversationCount(conversation);
    }

    internal void Read() => MessagesRead++;

    internal void SkipBotOrSystem() => SkippedBotOrSystem++;

    internal void SkipOutsidePeriod() => SkippedOutsidePeriod++;

    internal void Evaluated(ChatMessage message)
    {
        MessagesEvaluated++;
        people.Add(message.Author.Value);
        var time = message.Time;
        if (First is null || time < First)
        {
            First = time;
        }

        if (Last is null || time > Last)
        {
            Last = time;
        }
    }

    internal void Add(Finding finding)
    {
        FindingCount++;
        perRule[finding.RuleId] = perRule.GetValueOrDefault(finding.RuleId) + 1;
        if (perConversation.TryGetValue(finding.Channel, out var conversation))
        {
            conversation.Findings++;
            conversation.PerRule[finding.RuleId] = conversation.PerRule.GetValueOrDefault(finding.RuleId) + 1;
        }

        foreach (var recipient in finding.OffHoursRecipients)
        {
            var local = recipient.LocalTime;
            AfterHoursGrid[((int)local.DayOfWeek + 6) % 7, local.Hour]++;
        }
    }
}

/// <summary>Findings in one conversation.</summary>
public sealed class ConversationCount(Conversation conversation)
{
    public Conversation Conversation { get; } = conversation;

    public int Findings { get; internal set; }

    public Dictionary<string, int> PerRule { get; } = new(StringComparer.Ordinal);
}
