using AsyncCoach.Core.Model;
using AsyncCoach.Core.Norms;
using AsyncCoach.Core.Rules;

namespace AsyncCoach.Audit;

/// <summary>
/// Evaluates one conversation's messages in timestamp order. The audit's default is the live
/// service's tracker and rule engine; tests may substitute their own.
/// </summary>
public interface IConversationAuditor
{
    /// <summary>Findings that are final once <paramref name="message"/> has been seen.</summary>
    IReadOnlyList<Finding> Observe(ChatMessage message);

    /// <summary>Findings still pending at the end of the conversation.</summary>
    IReadOnlyList<Finding> Finish();
}

/// <summary>Starts an auditor for one conversation.</summary>
public delegate IConversationAuditor ConversationAuditorFactory(
    Conversation conversation, IReadOnlyDictionary<UserId, Person> people, TeamNorms norms);
