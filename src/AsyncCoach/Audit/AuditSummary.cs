using AsyncCoach.Core.Rules;

namespace AsyncCoach.Audit;

/// <summary>Counts gathered while the audit streams: everything the reports need, and no message text.</summary>
public sealed class AuditSummary
{
    private readonly HashSet<string> people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> perRule = RuleIds.All.ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
    private readonly List<ConversationCount> perConversation = [];

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
        perConversation
            .Where(c => c.Findings > 0)
            .OrderByDescending(c => c.Findings)
            .ThenBy(c => c.Conversation.Id.Value, StringComparer.Ordinal)
            .Take(count);

    /// <summary>Findings per 100 evaluated messages.</summary>
    public double RatePer100(long findings) => MessagesEvaluated == 0 ? 0 : findings * 100.0 / MessagesEvaluated;

    /// <summary>Adds one finished conversation; callers serialise calls.</summary>
    internal void Merge(ConversationTally tally)
    {
        ConversationsAudited++;
        DayFiles += tally.DayFiles;
        MessagesRead += tally.Read;
        MessagesEvaluated += tally.Evaluated;
        SkippedBotOrSystem += tally.SkippedBotOrSystem;
        SkippedOutsidePeriod += tally.SkippedOutsidePeriod;
        FindingCount += tally.Findings;
        people.UnionWith(tally.Authors);
        First = tally.First is { } first && (First is null || first < First) ? first : First;
        Last = tally.Last is { } last && (Last is null || last > Last) ? last : Last;
        foreach (var (rule, count) in tally.PerRule)
        {
            perRule[rule] = perRule.GetValueOrDefault(rule) + count;
        }

        for (var day = 0; day < 7; day++)
        {
            for (var hour = 0; hour < 24; hour++)
            {
                AfterHoursGrid[day, hour] += tally.AfterHoursGrid[day, hour];
            }
        }

        perConversation.Add(new ConversationCount(tally.Conversation, tally.Findings, tally.PerRule));
    }
}
