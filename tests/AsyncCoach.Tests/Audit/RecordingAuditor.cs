using AsyncCoach.Audit;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;

namespace AsyncCoach.Tests.Audit;

/// <summary>
/// Stands in for the rule engine where a test is about the reading, not the rules: records what
/// it is shown and raises a finding of rule <c>R</c> for each message whose text contains
/// <c>[R]</c>, so tests control findings from the export itself. Conversations run in parallel:
/// the shared record keeps each conversation's order, not an order across conversations.
/// </summary>
internal sealed class RecordingAuditor : IConversationAuditor
{
    private readonly List<(Conversation Conversation, ChatMessage Message)> seen;
    private readonly Conversation conversation;

    private RecordingAuditor(Conversation conversation, List<(Conversation, ChatMessage)> seen)
    {
        this.conversation = conversation;
        this.seen = seen;
    }

    public static (ConversationAuditorFactory Factory, List<(Conversation Conversation, ChatMessage Message)> Seen) Create()
    {
        var seen = new List<(Conversation, ChatMessage)>();
        return ((conversation, _, _) => new RecordingAuditor(conversation, seen), seen);
    }

    public IReadOnlyList<Finding> Observe(ChatMessage message)
    {
        lock (seen)
        {
            seen.Add((conversation, message)); // conversations are audited in parallel
        }

        return [.. RuleIds.All
            .Where(rule => message.Text.Contains($"[{rule}]", StringComparison.Ordinal))
            .Select(rule => new Finding(rule, message.Team, message.Channel, message.Ts, message.ThreadTs, message.Author,
                message.Time, ["test"], "test"))];
    }

    public IReadOnlyList<Finding> Finish() => [];
}
