namespace AsyncCoach.Core.Rules;

/// <summary>vague-urgency: signals urgency ("asap", "urgent"…) without a concrete deadline.</summary>
public sealed class VagueUrgencyRule : IRule
{
    public const string Suggestion =
        "Saying by when and why helps people plan around it, for example \"by Thu 15:00 CET, because the release freezes\".";

    public string Id => RuleIds.VagueUrgency;

    public Finding? Evaluate(in RuleContext context)
    {
        if (!context.Has(PhraseLists.UrgencyIndex) || Deadlines.HasDeadline(context))
        {
            return null;
        }

        List<string>? evidence = null;
        foreach (var match in context.Matches)
        {
            if (match.List == PhraseLists.UrgencyIndex && !IsDescriptive(context, match) && !IsNegated(context, match))
            {
                var phrase = context.Phrases.PhraseText(match.PhraseId);
                evidence ??= [];
                if (!evidence.Contains(phrase) && !evidence.Exists(e => e.Contains(phrase, StringComparison.Ordinal)))
                {
                    evidence.Add(phrase);
                }
            }
        }

        return evidence is null ? null : context.CreateFinding(Id, evidence, Suggestion);
    }

    // "crashes immediately", "the urgent tickets": urgency words that describe, not demand. Listed
    // phrases first; then the shape "<verb>s/ed immediately" ("the policy applies immediately", "I
    // replied right away") when nothing in the clause asks for anything.
    private static bool IsDescriptive(in RuleContext context, PhraseMatch match)
    {
        foreach (var other in context.Matches)
        {
            if (other.List == PhraseLists.UrgencyDescriptiveIndex && other.Start <= match.Start && other.End >= match.End)
            {
                return true;
            }
        }

        return match.Start > 0 && IsMannerAdverb(context.WordAt(match.Start)) && FollowsVerbForm(context, match.Start - 1) && !AsksInClause(context, match.Start);
    }

    private static bool IsMannerAdverb(ReadOnlySpan<char> word) => word is "immediately" or "right" or "straight" or "instantly";

    private static bool FollowsVerbForm(in RuleContext context, int index)
    {
        var verb = context.WordAt(index);
        var form = (verb.Length > 4 && verb.EndsWith("ed")) || (verb.Length > 3 && verb[^1] == 's' && !verb.EndsWith("ss") && !verb.EndsWith("us") && !verb.EndsWith("is"));
        if (!form || verb is "needs" or "wants" or "requires" or "thanks" or "pls" or "plz" or "needed" or "wanted" or "required")
        {
            return false;
        }

        // "the numbers immediately" after a determiner is a noun, not a verb.
        return index == 0 || context.WordAt(index - 1) is not ("the" or "a" or "an" or "my" or "your" or "our" or "their" or "these" or "those" or "all" or "some" or "any" or "his" or "her" or "its" or "both");
    }

    private static bool AsksInClause(in RuleContext context, int end)
    {
        for (var i = end - 1; i >= 0 && !context.ClauseBreakBetween(i, end); i--)
        {
            if (context.WordAt(i) is "need" or "needs" or "please" or "pls" or "plz" or "can" or "could" or "must" or "should" or "asap" or "get" or "make")
            {
                return true;
            }
        }

        return false;
    }

    // "not urgent", "it's not really something we need asap", "no rush, not urgent": a negator up to
    // five words before the urgency phrase, in the same clause ("not a blocker, but I need it asap"
    // is urgent: the comma and "but" end the negation's scope).
    private static bool IsNegated(in RuleContext context, PhraseMatch match)
    {
        for (var end = match.Start; end > 0 && match.Start - end < 5; end--)
        {
            if (context.ClauseBreakBetween(end - 1, match.Start) || context.WordAt(end - 1) is "but" or "though" or "however" or "although" or "yet")
            {
                return false;
            }

            if (EndsAt(context, PhraseLists.UrgencyNegatorsIndex, end))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsAt(in RuleContext context, int list, int end)
    {
        foreach (var m in context.Matches)
        {
            if (m.List == list && m.End == end)
            {
                return true;
            }
        }

        return false;
    }
}
