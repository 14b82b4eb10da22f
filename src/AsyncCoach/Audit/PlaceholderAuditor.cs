using AsyncCoach.Core.Rules;
using AsyncCoach.Core.Model;

namespace AsyncCoach.Audit;

// TODO(rules-merge): replaced by the ConversationTracker-backed auditor once branch `rules` lands.
internal sealed class PlaceholderAuditor : IConversationAuditor
{
    public IReadOnlyList<Finding> Observe(ChatMessage message) => [];

    public IReadOnlyList<Finding> Finish() => [];
}
