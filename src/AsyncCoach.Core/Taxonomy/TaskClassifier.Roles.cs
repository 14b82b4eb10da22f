namespace AsyncCoach.Core.Taxonomy;

// The role of a cue in the task (docs/taxonomy.md "Decided"): which words vote for a tier and which only name something.
public sealed partial class TaskClassifier
{
    // "Approve the architecture diagram", "sign off the shift schedule template": approving an
    // artefact is review (the contract's boundary); the object's head noun says what is approved,
    // not a word inside it ("architecture"). Decide cues on the verb become review cues.
    // Where the object of a verb ends in the other languages' lexicons ("Aprovar o contrato de prestação …").
    private static readonly HashSet<string> ObjectEnds =
        new(["de", "da", "do", "di", "del", "della", "dello", "du", "des", "com", "con", "avec", "mit", "para", "pour", "fur", "von", "til", "med", "fra"], StringComparer.Ordinal);

    // How an artefact looks or reads ("the catalogue layout", "the deck design"), as opposed to what it commits to ("the contract renewal").
    private static readonly HashSet<string> ArtefactParts =
        new(["layout", "design", "wording", "format", "formatting", "structure", "colours", "colors", "typography", "fonts", "cover", "headline", "title", "visuals", "look"], StringComparer.Ordinal);

    private IReadOnlyList<CueHit> ApprovesAnArtefact(IReadOnlyList<CueHit> hits, IReadOnlyList<Token> tokens, int mainVerb)
    {
        var approves = mainVerb < tokens.Count && (_data.ApproveVerbs ?? ["approve", "sign", "ok", "greenlight"]).Contains(tokens[mainVerb].Text);
        var checks = mainVerb < tokens.Count && (_data.ReviewVerbs ?? []).Contains(tokens[mainVerb].Text);
        if (!approves && !checks)
        {
            return hits;
        }

        var i = mainVerb + 1;
        if (i < tokens.Count && tokens[mainVerb].Text is "sign" or "mark" or "look" or "read" or "go" && tokens[i].Text is "off" or "up" or "over" or "through")
        {
            i++;
        }

        if (i < tokens.Count && tokens[i].Text is "on" or "to")
        {
            i++;
        }

        string? head = null;
        var objectWords = new List<string>();
        var determiners = _data.Determiners ?? [];
        for (; i < tokens.Count; i++)
        {
            var word = tokens[i].Text;
            if (determiners.Contains(word) && head is null)
            {
                continue;
            }

            if (determiners.Contains(word) || FunctionWords.Contains(word) || ObjectEnds.Contains(word) || word == "?")
            {
                break;
            }

            head = word;
            objectWords.Add(word);
        }

        // "Check the bills of lading before they go to the client": an "of" phrase belongs to the checked thing.
        if (checks && i < tokens.Count && tokens[i].Text == "of")
        {
            i++;
            while (i < tokens.Count && (determiners.Contains(tokens[i].Text) || !(FunctionWords.Contains(tokens[i].Text) || ObjectEnds.Contains(tokens[i].Text)))
                && !tokens[i].AfterComma && !tokens[i].StartsSentence && tokens[i].Text != "?")
            {
                i++;
            }
        }

        // Approving needs the artefact as the head ("approve the budget plan" is a choice); checking only
        // needs one in the object ("check the draft grant application"), or a "before" after the object:
        // what is checked before it goes out or is used is a work product ("check the tickets before billing").
        var checkedBeforeUse = checks && i < tokens.Count && tokens[i].Text == "before" && BeforeAUse(tokens, i + 1);
        // A part of an artefact ("the product catalogue layout", "the deck design") is the artefact's too; "the
        // warehouse layout" is not.
        var partOfArtefact = objectWords.Count >= 2 && IsArtefact(objectWords[^2]) && head is not null && ArtefactParts.Contains(head);
        if (head is null || !(IsArtefact(head) || partOfArtefact || (checks && (checkedBeforeUse || objectWords.Exists(IsArtefact)))))
        {
            return hits;
        }

        if (checks)
        {
            // "Check the board deck before sending", "Mark up the fabrication drawings": checking an
            // artefact is reviewing it (the verb alone, "check the fridge", says nothing).
            return hits.Any(h => h.Target == TaxonomyIds.Review && OnMainVerb(h, mainVerb)) ? hits
                : [.. hits, new CueHit(TaxonomyIds.Review, 4, $"\"{tokens[mainVerb].Original}\" + \"{head}\" (an artefact)", mainVerb, 1)];
        }

        return [.. hits.Select(h => h.Target == TaxonomyIds.Decide && h.Position <= mainVerb && (h.Length == 0 || mainVerb < h.Position + h.Length)
            ? h with { Target = TaxonomyIds.Review, Evidence = $"{h.Evidence} (an artefact: \"{head}\")" }
            : h)];
    }

    // Words after "before" that make it a deadline ("check the fridge temperatures before Friday"), not a use.
    private static readonly HashSet<string> DeadlineWords =
        new(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tomorrow", "today", "tonight", "noon",
             "midday", "eod", "eow", "cob", "end", "weekend", "week", "month", "lunch", "then", "next", "close"], StringComparer.Ordinal);

    // "before it goes to the client", "before billing", "before the stream": the checked thing is about to be used.
    private bool BeforeAUse(IReadOnlyList<Token> tokens, int i)
    {
        while (i < tokens.Count && (_data.Determiners ?? []).Contains(tokens[i].Text))
        {
            i++;
        }

        return i < tokens.Count && !DeadlineWords.Contains(tokens[i].Text) && !char.IsDigit(tokens[i].Text[0]);
    }

    private IReadOnlyList<CueHit> InRole(IReadOnlyList<CueHit> hits, IReadOnlyList<Token> tokens, int mainVerb)
    {
        var recipientSlot = mainVerb < tokens.Count && (_data.TellingVerbs ?? []).Contains(tokens[mainVerb].Text) ? mainVerb + 1 : -1;
        var describesAMeeting = MeetingDescription(hits, tokens, mainVerb);
        var inRole = hits.Where(h => h.Length == 0 || TaxonomyIds.TierOf(h.Target) is null
            || !(h.Position == recipientSlot || (h.Length == 1 && IsNounModifier(tokens, h.Position)) || describesAMeeting.Contains(h)))
            .ToList();

        // What the main verb governs is its topic, not another task: after "Ask X whether …", "Brainstorm
        // how we celebrate …", "Tell X where to pick up …" the clause's cues do not vote; nor does a cue that
        // names a thing ("the parental leave policy", "the password rules") or the setting of the task
        // ("… in the retro"), when a cue elsewhere says what the task is.
        var mainHasCue = inRole.Exists(h => OnMainVerb(h, mainVerb) && TaxonomyIds.TierOf(h.Target) is not null);
        var clause = mainHasCue ? Enumerable.Range(mainVerb + 1, Math.Max(0, tokens.Count - mainVerb - 1))
            .TakeWhile(i => !tokens[i].StartsSentence && tokens[i - 1].Text != "then")
            .FirstOrDefault(i => tokens[i].Text is "whether" or "if" or "how" or "why" or "where" or "when" or "what" or "which" or "who" or "about", -1) : -1;
        var thingHeads = _data.Modifiers.Sensitive.ThingHeads ?? [];
        bool Topic(CueHit h)
        {
            if (h.Length == 0 || TaxonomyIds.TierOf(h.Target) is null || OnMainVerb(h, mainVerb) || tokens[h.Position].Text == "?")
            {
                return false;
            }

            var end = h.Position + h.Length;
            var inClause = clause > 0 && h.Position > clause && !tokens.Skip(clause).Take(h.Position - clause + 1).Any(t => t.StartsSentence);
            var namesAThing = end < tokens.Count && thingHeads.Contains(tokens[end].Text);
            var setting = h.Length == 1 && h.Position >= 2 && end == tokens.Count
                && (_data.Determiners ?? []).Contains(tokens[h.Position - 1].Text) && tokens[h.Position - 2].Text is "in" or "at" or "during" or "after";
            // A verb's past participle right after a noun describes that noun ("the grading rule decided on Tuesday",
            // "the vendor chosen in May"): it names what the task is about, not what the task does.
            var participle = h.Length == 1 && h.Position > mainVerb + 1 && tokens[h.Position].Text.EndsWith("ed", StringComparison.Ordinal)
                && !Subjects.Contains(tokens[h.Position - 1].Text) && !FunctionWords.Contains(tokens[h.Position - 1].Text);
            // Inside the main verb's object, a one-word cue that is not the object's head modifies it ("Agree the
            // signing announcement plan with …"): the main verb says what the task is.
            var insideObject = mainHasCue && h.Length == 1 && InsideObject(tokens, mainVerb, h.Position);
            return inClause || namesAThing || setting || participle || insideObject;
        }

        var topics = inRole.Where(Topic).ToList();
        return topics.Count > 0 && inRole.Except(topics).Any(h => TaxonomyIds.TierOf(h.Target) is not null) ? [.. inRole.Except(topics)] : inRole;
    }

    private static readonly IReadOnlySet<CueHit> NoHits = new HashSet<CueHit>();

    // Words after which a past participle is the sentence's own verb ("we decided", "it was approved").
    private static readonly HashSet<string> Subjects =
        new(["we", "they", "i", "you", "he", "she", "it", "who", "was", "were", "is", "are", "be", "been", "has", "have", "had", "being", "not", "never", "just"], StringComparer.Ordinal);

    // Making a message for others is inform ("Write a shout-out post for the night shift", "Record a short video
    // on the new rota"); handing a work product to people is inform too ("Mail the audit findings summary to the
    // compliance head"), and the people it goes to are its recipients, not a cue ("to the wedding party"); setting
    // a value is decide ("Set the fees for …", "Settle the sugar reduction target with …"). Each reads what the
    // main verb acts on, so the object's head noun decides, not a list of whole phrases.
    private IReadOnlyList<CueHit> MakesOrHandsOver(IReadOnlyList<CueHit> hits, IReadOnlyList<Token> tokens, int mainVerb)
    {
        if (mainVerb >= tokens.Count)
        {
            return hits;
        }

        var verbHasCue = hits.Any(h => OnMainVerb(h, mainVerb) && TaxonomyIds.TierOf(h.Target) is not null && h.Weight >= _data.MinScore);
        var i = mainVerb + 1;
        if (i < tokens.Count && tokens[i].Text is "together" or "out" or "up" or "round" or "around")
        {
            i++;
        }

        string? head = null;
        var determiners = _data.Determiners ?? [];
        for (; i < tokens.Count; i++)
        {
            var word = tokens[i].Text;
            if (determiners.Contains(word) && head is null)
            {
                continue;
            }

            if (determiners.Contains(word) || FunctionWords.Contains(word) || ObjectEnds.Contains(word) || word == "?" || tokens[i].AfterComma || tokens[i].StartsSentence)
            {
                break;
            }

            head = word;
        }

        if (head is null)
        {
            return hits;
        }

        bool In(IReadOnlyList<string>? list, string w) => list is not null && (list.Contains(w) || (w.EndsWith('s') && list.Contains(w[..^1])));
        var verb = tokens[mainVerb];
        if (!verbHasCue && In(_data.MakingVerbs, verb.Text) && In(_data.MessageNouns, head))
        {
            return [.. hits, new CueHit(TaxonomyIds.Inform, 4, $"\"{verb.Original}\" + \"{head}\" (a message for others)", mainVerb, 1)];
        }

        // "Book the training room for Thursday", "Reserve a slot": finding a time or a place that works is ask.
        if (!verbHasCue && In(_data.BookingVerbs, verb.Text) && In(_data.BookingNouns, head))
        {
            return [.. hits, new CueHit(TaxonomyIds.Ask, 4, $"\"{verb.Original}\" + \"{head}\" (booking a time or a place)", mainVerb, 1)];
        }

        if (In(_data.ValueVerbs, verb.Text) && In(_data.ValueNouns, head) && !hits.Any(h => h.Target == TaxonomyIds.Decide && OnMainVerb(h, mainVerb) && h.Weight >= 5))
        {
            return [.. hits.Where(h => !OnMainVerb(h, mainVerb)), new CueHit(TaxonomyIds.Decide, 5, $"\"{verb.Original}\" + \"{head}\" (setting a value)", mainVerb, 1)];
        }

        // "… to the compliance head", "… to all site managers", "… to Legal": a recipient after "to".
        if (i < tokens.Count && tokens[i].Text == "to" && (In(_data.ArtefactNouns, head) || In(_data.MessageNouns, head)))
        {
            var r = i + 1;
            while (r < tokens.Count && (determiners.Contains(tokens[r].Text) || tokens[r].Text is "every" or "each"))
            {
                r++;
            }

            var recipient = -1;
            for (var k = r; k < tokens.Count && k < r + 4 && !FunctionWords.Contains(tokens[k].Text) && !tokens[k].AfterComma; k++)
            {
                recipient = k;
            }

            if (recipient >= 0 && (_modifiers.NamesPeople(tokens[recipient].Text) || (r == recipient && tokens[r].IsCapitalised && !_data.NotNames.Contains(tokens[r].Text))))
            {
                var toPeople = hits.Where(h => !(h.Length == 1 && h.Position >= r && h.Position <= recipient && TaxonomyIds.TierOf(h.Target) is not null)).ToList();
                return verbHasCue ? toPeople
                    : [.. toPeople, new CueHit(TaxonomyIds.Inform, 4, $"\"{verb.Original}\" + \"{head}\" + \"to {tokens[recipient].Original}\" (handed to people)", mainVerb, 1)];
            }
        }

        return hits;
    }

    // A meeting named by its words ("Progress meeting", "Partners' review meeting", "Budget review meeting") or
    // given only a topic ("Meeting about the budget", "Call with Sam about the vendor choice") states no outcome:
    // a one-word cue of weight up to `meeting_name_weight` in the run of words right before a meeting word, or
    // after "about"/"on"/"re"/"regarding" when the meeting heads the task, describes the meeting and does not
    // vote. A purpose after the meeting word ("Budget meeting to allocate …") keeps them; so does a cue on the
    // main verb right before it ("Review meeting"), and stronger cues ("Retro meeting", "Brainstorm session").
    private IReadOnlySet<CueHit> MeetingDescription(IReadOnlyList<CueHit> hits, IReadOnlyList<Token> tokens, int mainVerb)
    {
        if (!hits.Any(h => h.Target == "meeting"))
        {
            return NoHits;
        }

        var described = new HashSet<CueHit>();
        foreach (var meeting in hits.Where(h => h.Target == "meeting"))
        {
            // The meeting word must head its phrase: "crew call time" is a time, not a call.
            var after = meeting.Position + Math.Max(meeting.Length, 1);
            if (after < tokens.Count && (tokens[after].Text == "to"
                || !(FunctionWords.Contains(tokens[after].Text) || tokens[after].AfterComma || tokens[after].StartsSentence || tokens[after].Text == "?")))
            {
                continue;
            }

            // A name is a few words ("Q3 budget review meeting"); the run stops at a function word, and after three
            // words in any case, since the function words are English ones and a task in another language
            // ("Faasalalau le taimi fou o le fono …", announce the new time of the meeting) has none of them.
            var start = meeting.Position;
            while (start > 0 && meeting.Position - start < 3 && !FunctionWords.Contains(tokens[start - 1].Text) && !tokens[start].AfterComma && !tokens[start].StartsSentence)
            {
                start--;
            }

            var topic = -1;
            for (var i = after; start <= mainVerb && i < tokens.Count && !tokens[i].StartsSentence; i++)
            {
                if (tokens[i].Text is "about" or "on" or "re" or "regarding")
                {
                    topic = i;
                    break;
                }
            }

            foreach (var h in hits.Where(h => h.Length == 1 && h.Weight <= _data.MeetingNameWeight && TaxonomyIds.TierOf(h.Target) is not null && tokens[h.Position].Text != "?"))
            {
                var inName = h.Position >= start && h.Position < meeting.Position
                    && (h.Weight <= 3 || h.Position != mainVerb || meeting.Position - h.Position >= 2);
                var inTopic = topic > 0 && h.Position > topic && !tokens.Skip(topic + 1).Take(h.Position - topic).Any(t => t.StartsSentence);
                if (inName || inTopic)
                {
                    described.Add(h);
                }
            }
        }

        return described;
    }

    private static bool OnMainVerb(CueHit hit, int mainVerb) =>
        hit.Position <= mainVerb && mainVerb < hit.Position + Math.Max(hit.Length, 1);

    // Something is going wrong now (time-critical) and the task acts on it ("move the samples now",
    // "Contain the spill", "the lift is stuck, get them out"): firefighting is create, when no other
    // cue says clearly what the task is (a weak "get the" is not one).
    private CueHit? Firefighting(IReadOnlyList<Token> tokens, IReadOnlyList<CueHit> hits)
    {
        var strong = hits.Where(h => TaxonomyIds.TierOf(h.Target) is not null).GroupBy(h => h.Target).Any(g => g.Sum(h => h.Weight) > 3);
        if (strong)
        {
            return null;
        }

        var verbs = _data.FirefightVerbs ?? [];
        var lead = _data.LeadWords ?? [];
        for (var i = 0; i < tokens.Count; i++)
        {
            var clauseStart = i == 0 || tokens[i].StartsSentence || tokens[i].AfterComma || tokens[i - 1].Text is "then" or "and";
            if (clauseStart)
            {
                var v = i;
                while (v < tokens.Count && lead.Contains(tokens[v].Text))
                {
                    v++;
                }

                if (v < tokens.Count && verbs.Contains(tokens[v].Text))
                {
                    return new CueHit(TaxonomyIds.Create, 4, $"\"{tokens[v].Original}\" while it is happening (firefighting)", v, 1);
                }
            }
        }

        return null;
    }

    // The word at `position` is in the noun phrase right after the main verb (its determiner, then words with no
    // function word or comma between) and is not its last word.
    private bool InsideObject(IReadOnlyList<Token> tokens, int mainVerb, int position)
    {
        var start = mainVerb + 1;
        if (start >= tokens.Count || !(_data.Determiners ?? []).Contains(tokens[start].Text) || position <= start + 1 || position + 1 >= tokens.Count)
        {
            return false;
        }

        for (var k = start + 1; k <= position + 1; k++)
        {
            if (FunctionWords.Contains(tokens[k].Text) || tokens[k].AfterComma || tokens[k].StartsSentence || !char.IsLetter(tokens[k].Text[0])
                || (_data.Determiners ?? []).Contains(tokens[k].Text))
            {
                return false;
            }
        }

        return true;
    }

    private bool IsNounModifier(IReadOnlyList<Token> tokens, int position) =>
        position > 0 && position + 1 < tokens.Count
        && (_data.Determiners ?? []).Contains(tokens[position - 1].Text)
        && tokens[position + 1].Text.Length > 2 && char.IsLetter(tokens[position + 1].Text[0])
        && !(_data.LeadWords ?? []).Contains(tokens[position + 1].Text) && !FunctionWords.Contains(tokens[position + 1].Text);

    // Telling one person something is connect only when it is about their own standing (the contract's
    // boundary: "tell Priya she didn't get the promotion"); "Tell Priya the brainstorm moved to Thursday"
    // is news, inform. So a connect cue on a telling verb counts for inform unless the task is sensitive.
    private IReadOnlyList<CueHit> PersonalOrNews(IReadOnlyList<CueHit> hits, IReadOnlyList<Token> tokens, int mainVerb, IReadOnlyList<string> modifiers)
    {
        var telling = mainVerb < tokens.Count && ((_data.TellingVerbs ?? []).Contains(tokens[mainVerb].Text) || tokens[mainVerb].Text == "let");
        // The news is about them when it names them again ("tell Gaz his shift change request is refused").
        var aboutThem = tokens.Skip(mainVerb + 2).Any(t => t.Text is "he" or "she" or "his" or "her" or "him" or "he's" or "she's");
        if (!telling || aboutThem || modifiers.Contains(TaxonomyIds.Sensitive))
        {
            return hits;
        }

        return [.. hits.Select(h => h.Target == TaxonomyIds.Connect && OnMainVerb(h, mainVerb)
            ? h with { Target = TaxonomyIds.Inform, Evidence = $"{h.Evidence} (news, not about their own standing)" }
            : h)];
    }

    // A meeting with a person about their own standing or wellbeing ("Sarah's return-to-work chat after
    // her sick leave") is a one-to-one conversation of that kind: connect, where a meeting word alone
    // would say nothing.
    private static CueHit? TalkAboutTheirStanding(IReadOnlyList<CueHit> hits, IReadOnlyList<Token> tokens, IReadOnlyList<string> modifiers)
    {
        var meeting = hits.FirstOrDefault(h => h.Target == "meeting");
        var person = tokens.FirstOrDefault(ModifierDetector.IsPerson);
        return meeting is null || person is null || !modifiers.Contains(TaxonomyIds.Sensitive) ? null
            : new CueHit(TaxonomyIds.Connect, 4, $"{meeting.Evidence} + \"{person.Original}\" (a talk about their own standing)", meeting.Position, meeting.Length);
    }
}
