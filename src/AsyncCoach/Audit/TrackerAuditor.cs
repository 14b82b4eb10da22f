using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using AsyncCoach.Core.Tracking;

namespace AsyncCoach.Audit;

/// <summary>
/// The live service's tracker and rules, one tracker per conversation: an audit reads a
/// conversation start to end, so event time only moves forward within each tracker, and
/// whatever is still pending at the end of the conversation is released by <see cref="Finish"/>.
/// </summary>
internal sealed class TrackerAuditor(RuleEngine engine, MessageContext context) : IConversationAuditor
{
    private readonly ConversationTracker tracker = new(engine);

    public static ConversationAuditorFactory Factory(RuleEngine engine) =>
        (conversation, people, norms) => new TrackerAuditor(engine, new MessageContext(conversation, people, norms));

    public IReadOnlyList<Finding> Observe(ChatMessage message) => tracker.Observe(message, context);

    public IReadOnlyList<Finding> Finish() => tracker.Flush();
}
