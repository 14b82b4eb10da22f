namespace AsyncCoach.Core.Taxonomy;

// What a task does, read from its shape rather than from one language's cue words (pass tax23, docs/taxonomy.md "Decided").
public sealed partial class TaskClassifier
{
    // "Hebebühne 2 sackt ab, sofort sichern und die Halle räumen", "La bomba … está parada …, contenerla ahora": something
    // is going wrong now (a time-critical word that is not a same-day deadline) and a second clause follows, which in a
    // task is what to do about it. With no cue at all for what the task is and no meeting word, that is firefighting
    // (create) in any language. One clause ("Outage on the EU cluster") says no act, so it stays unclear.
    private static CueHit? SituationThenAct(IReadOnlyList<Token> tokens, IReadOnlyList<CueHit> hits, IReadOnlyList<CueHit> modifierHits)
    {
        var happening = modifierHits.FirstOrDefault(h => h.Target == TaxonomyIds.TimeCritical && !h.Deadline);
        if (happening is null || hits.Any(h => h.Target == "meeting" || TaxonomyIds.TierOf(h.Target) is not null))
        {
            return null;
        }

        var act = Enumerable.Range(2, Math.Max(0, tokens.Count - 2)).FirstOrDefault(i => tokens[i].AfterComma || tokens[i].StartsSentence, -1);
        return act < 0 ? null
            : new CueHit(TaxonomyIds.Create, 4, $"{happening.Evidence}, then \"{tokens[act].Original} …\" (acting on it while it is happening: firefighting)", act, 1);
    }

    // "Give Amit feedback on his route optimisation deck": feedback on a person's work product is review (the contract:
    // about their artefact, "Jordan's deck", it is review); on their traits ("on his attitude") it stays connect. The
    // head of what the feedback is on decides, as for approving.
    private IReadOnlyList<CueHit> FeedbackOnTheirWork(IReadOnlyList<CueHit> hits, IReadOnlyList<Token> tokens)
    {
        for (var i = 0; i + 3 < tokens.Count; i++)
        {
            var owner = tokens[i + 2];
            if (tokens[i].Text != "feedback" || tokens[i + 1].Text is not ("on" or "about")
                || !(owner.Text is "his" or "her" or "their" || (owner.IsCapitalised && owner.Text.EndsWith("'s", StringComparison.Ordinal))))
            {
                continue;
            }

            string? head = null;
            for (var k = i + 3; k < tokens.Count && !FunctionWords.Contains(tokens[k].Text) && !ObjectEnds.Contains(tokens[k].Text)
                && !tokens[k].AfterComma && !tokens[k].StartsSentence && tokens[k].Text != "?"; k++)
            {
                head = tokens[k].Text;
            }

            if (head is null || !IsArtefact(head))
            {
                return hits;
            }

            return [.. hits.Select(h => h.Target == TaxonomyIds.Connect && h.Position <= i + 2 && i < h.Position + Math.Max(h.Length, 1)
                ? h with { Target = TaxonomyIds.Review, Evidence = $"{h.Evidence} (on their work: \"{head}\")" }
                : h)];
        }

        return hits;
    }

    private bool IsArtefact(string word)
    {
        var artefacts = _data.ArtefactNouns ?? [];
        return artefacts.Contains(word) || (word.EndsWith('s') && artefacts.Contains(word[..^1]))
            || (word.EndsWith("ies", StringComparison.Ordinal) && artefacts.Contains(word[..^3] + "y"));
    }

    // Place names are not people: "Catch-up with Melbourne" is a meeting with an office, not a catch-up with a person
    // ("{name}"). Places that are also common first names are left out ("Sydney", "Austin").
    private static readonly HashSet<string> PlacesThatAreFirstNames =
        new(["sydney", "paris", "austin", "dallas", "houston", "phoenix", "florence", "victoria", "georgia", "charlotte", "adelaide",
             "madison", "jackson", "orlando", "lincoln", "chelsea", "regina", "santiago", "valencia", "lima", "sofia", "eugene"], StringComparer.Ordinal);

    private static HashSet<string> NotNamesWithPlaces(TaxonomyData data) =>
        [.. data.NotNames.Select(n => n.ToLowerInvariant()),
         .. data.Modifiers.ManyStakeholders.Places.Select(p => Tokenizer.Fold(p.ToLowerInvariant())).Where(p => !p.Contains(' ') && !PlacesThatAreFirstNames.Contains(p))];
}
