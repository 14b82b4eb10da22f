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

    // "crashes immediately", "the urgent tickets": urgency words that describe, not demand.
    private static bool IsDescriptive(in RuleContext context, PhraseMatch match)
    {
        foreach (var other in context.Matches)
        {
            if (other.List == PhraseLists.UrgencyDescriptiveIndex && other.Start <= match.Start && other.End >= match.End)
            {
                return true;
            }
        }

        return false;
    }

    // "not urgent", "not that urgent", "not at all urgent", "no asap needed" reads as no urgency.
    private static bool IsNegated(in RuleContext context, PhraseMatch match)
    {
        var position = match.Start;
        for (var step = 0; step < 3 && position > 0; step++)
        {
            if (EndsAt(context, PhraseLists.UrgencyNegatorsIndex, position, out _))
            {
                return true;
            }

            if (!EndsAt(context, PhraseLists.UrgencyIntensifiersIndex, position, out var start))
            {
                return false;
            }

            position = start;
        }

        return false;
    }

    private static bool EndsAt(in RuleContext context, int list, int end, out int start)
    {
        foreach (var m in context.Matches)
        {
            if (m.List == list && m.End == end)
            {
                start = m.Start;
                return true;
            }
        }

        start = 0;
        return false;
    }
}
