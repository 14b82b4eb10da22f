using AsyncCoach.Audit;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;

namespace AsyncCoach.Digests;

/// <summary>
/// The audit's own auditor, counting what passes through it for the digest: the findings are the
/// audit's, untouched, so the digest's counts are the audit's counts. Each conversation counts
/// on its own worker and is merged into the week once, when it finishes.
/// </summary>
internal sealed class TallyingAuditor(IConversationAuditor inner, Conversation conversation, DigestTally local, DigestTally week) : IConversationAuditor
{
    public static ConversationAuditorFactory Factory(ConversationAuditorFactory inner, DigestTally week, Func<DigestTally> create) =>
        (conversation, people, norms) => new TallyingAuditor(inner(conversation, people, norms), conversation, create(), week);

    public IReadOnlyList<Finding> Observe(ChatMessage message)
    {
        var findings = inner.Observe(message);
        local.Message(message, findings);
        return Record(findings);
    }

    public IReadOnlyList<Finding> Finish()
    {
        var findings = Record(inner.Finish());
        lock (week)
        {
            week.Merge(local);
        }

        return findings;
    }

    private IReadOnlyList<Finding> Record(IReadOnlyList<Finding> findings)
    {
        foreach (var finding in findings)
        {
            local.Finding(finding, conversation);
        }

        return findings;
    }
}
