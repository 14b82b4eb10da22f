using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>
/// The tenth pass's language tests (branch <c>lang20c</c>, issue #20; docs/rules.md "Other languages"):
/// one class per language family, each with its own sentences written from general vocabulary — none an
/// item of a labelled set. Availability checks and calls are read in a direct message, urgency in a
/// channel, as the contract labels them.
/// </summary>
internal static class LanguageProbe
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    public static IEnumerable<string> RulesOn(string text, ConversationKind kind = ConversationKind.Im)
    {
        var channel = kind == ConversationKind.Im ? "D1" : "C1";
        return Engine.Evaluate(Message(text, kind, channel: channel), Context(kind, channel)).Select(f => f.RuleId);
    }

    public static IEnumerable<string> UrgencyRulesOn(string text) => RulesOn(text, ConversationKind.Channel);
}
