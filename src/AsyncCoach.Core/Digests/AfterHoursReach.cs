using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;

namespace AsyncCoach.Core.Digests;

/// <summary>
/// The one definition the digest's activity figures use, live and from an export: which messages
/// count, and whether a message reached someone outside their working hours, and whom. A message
/// reaches someone outside their hours exactly when after-hours-ping fires on it (docs/rules.md),
/// so its recipients are the rule's: addressed people, not <c>&lt;!here&gt;</c> alone, known zones
/// only, minus those who posted in the conversation in the last 15 minutes; the urgent marker, an
/// exempt channel or the rule turned off by the team's norms mean "not reached".
/// </summary>
public static class AfterHoursReach
{
    /// <summary>Whether a person's message counts as activity (App Home messages to the app do not).</summary>
    public static bool Counts(ChatMessage message) => message.Kind != ConversationKind.AppHome;

    /// <summary>
    /// Who <paramref name="message"/> reached outside their hours, from the findings the tracker
    /// returned when it observed the message (after-hours-ping is never held back); empty for none.
    /// </summary>
    public static IReadOnlyList<RecipientTime> Reached(ChatMessage message, IReadOnlyList<Finding> observed)
    {
        for (var i = 0; i < observed.Count; i++)
        {
            var finding = observed[i];
            if (finding.RuleId == RuleIds.AfterHoursPing && finding.Ts == message.Ts && finding.Channel == message.Channel)
            {
                return finding.OffHoursRecipients;
            }
        }

        return [];
    }

    /// <summary>The counters' name for a conversation kind: public, private, mpim or im.</summary>
    public static string KindName(ConversationKind kind) => kind switch
    {
        ConversationKind.Group => "private",
        ConversationKind.Mpim => "mpim",
        ConversationKind.Im => "im",
        _ => "public",
    };
}
