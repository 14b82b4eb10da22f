using AsyncCoach.Core.Digests;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;

namespace AsyncCoach.Digests;

/// <summary>
/// One week's counts from an export, as the audit's workers see messages and findings: per rule,
/// per channel, per slot of the lead's week, and the lead's own. Distinct people are kept as id
/// sets only until the week becomes a <see cref="DigestInput"/>; no text is ever seen here.
/// </summary>
internal sealed class DigestTally(TimeZoneInfo zone, UserId? lead)
{
    public Dictionary<string, Group> Rules { get; } = new(StringComparer.Ordinal);

    public Dictionary<ChannelId, Group> Channels { get; } = [];

    public Dictionary<ChannelId, string?> ChannelNames { get; } = [];

    public Group Messages { get; } = new();

    public Group AfterHours { get; } = new();

    /// <summary>Per weekday (Monday first) × part of day: messages, and after-hours messages with their authors.</summary>
    public (int Messages, Group AfterHours)[] Slots { get; } = [.. Enumerable.Range(0, 7 * ActivityClock.Parts).Select(_ => (0, new Group()))];

    public LeadCounts Lead { get; } = new();

    /// <summary>A message and the findings observing it returned: what the live counters count, by the same definition.</summary>
    public void Message(ChatMessage message, IReadOnlyList<Finding> observed)
    {
        if (!AfterHoursReach.Counts(message))
        {
            return;
        }

        var slot = ActivityClock.Slot(message.Time, zone);
        Messages.Add(message.Author);
        Slots[slot].Messages++;
        var reached = AfterHoursReach.Reached(message, observed);
        if (reached.Count > 0)
        {
            AfterHours.Add(message.Author);
            Slots[slot].AfterHours.Add(message.Author);
        }

        if (message.Author == lead)
        {
            Lead.Messages++;
            Lead.Reached.UnionWith(reached.Select(r => r.User.Value));
        }
    }

    public void Finding(Finding finding, Conversation conversation)
    {
        Rule(finding.RuleId).Add(finding.Author);
        if (!Channels.TryGetValue(conversation.Id, out var channel))
        {
            Channels[conversation.Id] = channel = new Group();
            ChannelNames[conversation.Id] = conversation.Kind is ConversationKind.Channel or ConversationKind.Group ? conversation.Name : null;
        }

        channel.Add(finding.Author);
        if (finding.Author != lead)
        {
            return;
        }

        Lead.Findings++;
        if (finding.RuleId == RuleIds.AfterHoursPing)
        {
            Lead.AfterHoursPings++;
        }
        else if (finding.RuleId == RuleIds.HuddleInsteadOfThread)
        {
            Lead.CallsProposed++;
        }
    }

    public void Merge(DigestTally other)
    {
        foreach (var (rule, group) in other.Rules)
        {
            Rule(rule).Merge(group);
        }

        foreach (var (channel, group) in other.Channels)
        {
            ChannelNames[channel] = other.ChannelNames[channel];
            if (!Channels.TryGetValue(channel, out var mine))
            {
                Channels[channel] = mine = new Group();
            }

            mine.Merge(group);
        }

        Messages.Merge(other.Messages);
        AfterHours.Merge(other.AfterHours);
        for (var i = 0; i < Slots.Length; i++)
        {
            Slots[i].Messages += other.Slots[i].Messages;
            Slots[i].AfterHours.Merge(other.Slots[i].AfterHours);
        }

        Lead.Merge(other.Lead);
    }

    public IEnumerable<ActivitySlot> ActivitySlots() =>
        Slots.Select((slot, i) => (Slot: ActivityClock.OfSlot(i), Counts: slot))
            .Where(s => s.Counts.Messages > 0 || s.Counts.AfterHours.Count > 0)
            .Select(s => new ActivitySlot(s.Slot.Day, s.Slot.Part, s.Counts.Messages, s.Counts.AfterHours.Count, s.Counts.AfterHours.People.Count));

    public LeadWeek LeadWeek() =>
        new(Lead.Messages, Lead.AfterHoursPings, Lead.Reached.Count, Lead.CallsProposed, Lead.Findings, 0, 0, 0);

    private Group Rule(string rule)
    {
        if (!Rules.TryGetValue(rule, out var group))
        {
            Rules[rule] = group = new Group();
        }

        return group;
    }

    /// <summary>A count and the distinct people behind it.</summary>
    internal sealed class Group
    {
        public int Count { get; private set; }

        public HashSet<string> People { get; } = new(StringComparer.Ordinal);

        public void Add(UserId person)
        {
            Count++;
            People.Add(person.Value);
        }

        public void Merge(Group other)
        {
            Count += other.Count;
            People.UnionWith(other.People);
        }
    }

    internal sealed class LeadCounts
    {
        public int Messages { get; set; }

        public int AfterHoursPings { get; set; }

        public int CallsProposed { get; set; }

        public int Findings { get; set; }

        public HashSet<string> Reached { get; } = new(StringComparer.Ordinal);

        public void Merge(LeadCounts other)
        {
            Messages += other.Messages;
            AfterHoursPings += other.AfterHoursPings;
            CallsProposed += other.CallsProposed;
            Findings += other.Findings;
            Reached.UnionWith(other.Reached);
        }
    }
}
