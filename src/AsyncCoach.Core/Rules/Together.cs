namespace AsyncCoach.Core.Rules;

/// <summary>
/// Working something through together, proposed (huddle23): "vení a mi oficina y revisamos juntos el presupuesto", "passe au
/// bureau et on regarde ensemble…", "stopi do mene v pisarno pa greva skupaj čez nov cenik", "lai wo zhuozi zher, we go through
/// the PPC budget together". Read from what languages share, not from one language's verbs: the word for "together" is a
/// small closed class, and where it qualifies a joint act the author asks to sit down with the reader, which is a live
/// meeting. Not this act: a group greeted ("Guten Morgen zusammen", "alle sammen"), a noun ("the string ensemble"), things
/// put together ("put together a deck", "together with the invoice"), a negated or past act ("two guests can't sit together",
/// "we went through it together"). An English clause needs a joint act around the word ("we", "let's", "shall", a verb of
/// reviewing or deciding); a clause with no English function word is another language's, where the word alone says it.
/// The grammar's vetoes (a reason, a declined or scheduled call) still hold over it. docs/rules.md, huddle23.
/// </summary>
internal static class Together
{
    // "together" in the languages workplaces write (a closed class), with German's verbs that hold it ("zusammensetzen").
    // Left out: words that are also common elsewhere ("sama", "bersama" are also "with", "kopa" is Swahili "borrow", "kartu"
    // Indonesian "card", "saath" Hindi "with").
    private static readonly string[] Words =
    [
        "together", "juntos", "juntas", "junts", "ensemble", "zusammen", "gemeinsam", "insieme", "samen", "sammen", "tillsammans", "saam",
        "razem", "wspolnie", "spolu", "skupaj", "zajedno", "egyutt", "impreuna", "yhdessa", "birlikte", "pamoja", "magkasama", "vmeste", "yiqi",
        "ansanm", "elkarrekin", "birga", "koos", "saman", "zusammensetzen", "zusammensitzen", "zusammenkommen", "zusammenschalten",
    ];

    private static readonly ulong Cue = WordCues.Register(Words);

    /// <summary>Whether a word for "together" qualifies a joint act proposed by the author; the evidence is the word as written.</summary>
    public static bool Proposes(in RuleContext context, out string evidence)
    {
        evidence = "";
        if ((context.AbsentCues & Cue) != 0)
        {
            return false;
        }

        for (var i = 0; i < context.Words.Length; i++)
        {
            var word = context.WordAt(i);
            if (!IsTogether(word) || Addresses(context, i) || (i > 0 && context.WordAt(i - 1) is "the" or "a" or "an" or "this" or "that" or "our" or "my" or "string" or "jazz"))
            {
                continue;
            }

            var start = context.ClauseStart(i);
            var end = context.ClauseEnd(i);

            if (PutTogether(context, start, i) || NegatedOrPast(context, start, end, i) || CallsAThirdPerson(context, start, end)
                || (English(context, start, end) && !JointAct(context, start, end)))
            {
                continue;
            }

            evidence = word.ToString();
            return true;
        }

        return false;
    }

    private static bool IsTogether(ReadOnlySpan<char> word)
    {
        foreach (var together in Words)
        {
            if (word.SequenceEqual(together))
            {
                return true;
            }
        }

        return false;
    }

    // "Guten Morgen zusammen", "godmorgen alle sammen", "hallo allemaal samen": the word addresses a group.
    private static bool Addresses(in RuleContext context, int at)
    {
        if (at > 0 && context.WordAt(at - 1) is "alle" or "all" or "alla" or "todos" or "tous" or "everyone" or "yall")
        {
            return true;
        }

        // A greeting right before it or holding it; not the address list alone, which holds German "zusammen" (so "dann zählen wir
        // zusammen die Paletten" would never be read).
        foreach (var match in context.Matches)
        {
            if (match.List == PhraseLists.GreetingIndex && match.Start <= at && match.End >= at)
            {
                return true;
            }
        }

        return false;
    }

    // "put together a deck", "pull the numbers together", "these colours go together", "together with the invoice" after a
    // thing: things joined, not people.
    private static bool PutTogether(in RuleContext context, int start, int at)
    {
        for (var i = Math.Max(start, at - 4); i < at; i++)
        {
            if (context.WordAt(i) is "put" or "puts" or "putting" or "pull" or "pulls" or "pulled" or "pulling" or "piece" or "pieced" or "cobble" or "cobbled"
                or "throw" or "threw" or "stitch" or "tie" or "glue" or "lump" or "mix" or "add" or "added" or "bundle" or "bundled" or "group" or "grouped"
                or "stick" or "stuck" or "hang" or "held" or "hold" or "holds" or "belong" or "belongs" or "go" or "goes" or "went" or "fit" or "fits")
            {
                // "go through it together", "go over X together": going through is talking.
                if (context.WordAt(i) is "go" && i + 1 < at && context.WordAt(i + 1) is "through" or "over")
                {
                    continue;
                }

                return true;
            }
        }

        return false;
    }

    // "can't sit together", "never worked together", "we went through it together", "the team got together Monday"; a past
    // word of a language file in the clause ("ayer revisamos juntos").
    private static bool NegatedOrPast(in RuleContext context, int start, int end, int at)
    {
        for (var i = start; i < end; i++)
        {
            var word = context.WordAt(i);
            if ((i < at && (word is "not" or "never" or "no" or "without" || UrgencyNegation.IsNegativeAuxiliary(word)))
                || word is "went" or "got" or "did" or "were" or "was" or "had" or "sat" or "came" or "met" or "spent" or "yesterday" or "ago" or "last"
                || (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal) && word is not ("need" or "indeed" or "proceed")))
            {
                return true;
            }
        }

        if (!context.Has(PhraseLists.CallPastIndex))
        {
            return false;
        }

        foreach (var match in context.Matches)
        {
            if (match.List == PhraseLists.CallPastIndex && match.Start >= start && match.End <= end)
            {
                return true;
            }
        }

        return false;
    }

    // "let's call him together tonight", "je propose qu'on l'appelle ensemble ce soir", "llamémosla juntos" (huddle24): people calling
    // someone else together (a colleague in trouble, a client), not the reader asked to meet. A call verb with a third person as
    // its object: English "him / her / them" after it; a Romance clitic before it or fused to it ("l'appelle", "la llamamos").
    private static bool CallsAThirdPerson(in RuleContext context, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var word = context.WordAt(i);
            if (word is "call" or "ring" or "phone" or "visit" && i + 1 < end && context.WordAt(i + 1) is "him" or "her" or "them")
            {
                return true;
            }

            var romance = word.StartsWith("appel", StringComparison.Ordinal) || word.StartsWith("llam", StringComparison.Ordinal) || word.StartsWith("chiam", StringComparison.Ordinal);
            if ((word.StartsWith("lappel", StringComparison.Ordinal) || word.StartsWith("lapel", StringComparison.Ordinal))
                || (romance && i > start && context.WordAt(i - 1) is "le" or "la" or "les" or "lo" or "los" or "las" or "lui" or "leur" or "li" or "gli")
                || (romance && (word.EndsWith("rlo", StringComparison.Ordinal) || word.EndsWith("rla", StringComparison.Ordinal) || word.EndsWith("rle", StringComparison.Ordinal)
                    || word.EndsWith("rlos", StringComparison.Ordinal) || word.EndsWith("rlas", StringComparison.Ordinal) || word.EndsWith("slo", StringComparison.Ordinal)
                    || word.EndsWith("sla", StringComparison.Ordinal))))
            {
                return true;
            }
        }

        return false;
    }

    // An English clause: one of its closed-class words (see MediumQuestion; not "do", Slavic "to": "stopi do mene v pisarno pa greva
    // skupaj…"); other languages' clauses are read by the word alone.
    private static bool English(in RuleContext context, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (context.WordAt(i) is "the" or "we" or "you" or "u" or "is" or "are" or "can" or "could" or "shall" or "should" or "will" or "lets" or "let" or "it" or "this"
                or "that" or "of" or "for" or "with" or "and" or "our" or "my" or "your" or "us" or "would" or "have" or "just" or "please" or "pls")
            {
                return true;
            }
        }

        return false;
    }

    // The joint act of an English clause: a proposal ("let's", "shall", "we'll") or a verb of working something through ("go
    // through", "review", "look at", "decide"). "we" alone describes as often as it proposes ("we sit together in the open plan").
    private static bool JointAct(in RuleContext context, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var word = context.WordAt(i);
            if (word is "lets" or "shall" or "well" or "review" or "look" or "decide" or "agree" or "finalise" or "finalize" or "settle"
                or "hash" or "figure" or "check" or "taste" or "score" or "debug" or "walk" or "talk" or "discuss" or "read" or "listen" or "watch")
            {
                return true;
            }

            if (word is "go" or "run" && i + 1 < end && context.WordAt(i + 1) is "through" or "over")
            {
                return true;
            }
        }

        return false;
    }
}
