using System.Globalization;
using System.Text.RegularExpressions;

namespace AsyncCoach.Core.Taxonomy;

/// <summary>Finds the three modifiers of TAXONOMY.md and the words that triggered each.</summary>
internal sealed partial class ModifierDetector
{
    private readonly ModifierData _data;
    private readonly CueMatcher _phrases;
    private readonly CueMatcher _timeCriticalUnless;
    private readonly IReadOnlyList<PhrasePattern> _sameDay;
    private readonly IReadOnlyList<PhrasePattern> _otherDay;
    private readonly IReadOnlyList<PhrasePattern> _peopleNouns;
    private readonly IReadOnlyList<PhrasePattern> _teamNouns;
    private readonly IReadOnlyList<PhrasePattern> _zoneNouns;
    private readonly IReadOnlyList<PhrasePattern> _teamNames;
    private readonly IReadOnlyList<PhrasePattern> _places;
    private readonly IReadOnlyList<PhrasePattern> _present;
    private readonly HashSet<string> _roleNouns;
    private readonly HashSet<string> _notPeople;
    private readonly HashSet<string> _siteNouns;
    private readonly HashSet<string> _groupNouns;
    private readonly HashSet<string> _allWords;
    private readonly IReadOnlyList<string> _roleSuffixes;
    private readonly HashSet<string> _needsPerson;
    private readonly HashSet<string> _thingHeads;
    private readonly HashSet<string> _personalOutcomes;
    private readonly HashSet<string> _teamNameWords;

    public ModifierDetector(ModifierData data, IReadOnlySet<string> notNames)
    {
        _data = data;
        _phrases = new CueMatcher(
            [
                new CueData(TaxonomyIds.TimeCritical, 1, data.TimeCritical.Phrases, null),
                new CueData(TaxonomyIds.Sensitive, 1, data.Sensitive.Phrases, null),
                new CueData(TaxonomyIds.ManyStakeholders, 1, data.ManyStakeholders.Phrases, null),
                new CueData("none", 0, data.Sensitive.NotSensitive, null),
            ],
            notNames);
        _timeCriticalUnless = new CueMatcher([new CueData("unless", 0, data.TimeCritical.Unless, null)], notNames);
        IReadOnlyList<PhrasePattern> Compile(IEnumerable<string> phrases) => [.. phrases.Select(p => new PhrasePattern(p, notNames))];
        _sameDay = Compile(data.TimeCritical.SameDay);
        _otherDay = Compile(data.TimeCritical.OtherDay);
        _peopleNouns = Compile(data.ManyStakeholders.PeopleNouns);
        _teamNouns = Compile(data.ManyStakeholders.TeamNouns);
        _zoneNouns = Compile(data.ManyStakeholders.TimeZoneNouns);
        _teamNames = Compile(data.ManyStakeholders.TeamNames);
        _places = Compile(data.ManyStakeholders.Places);
        _present = Compile(data.TimeCritical.Present ?? []);
        HashSet<string> Set(IReadOnlyList<string>? words) => new(words ?? [], StringComparer.Ordinal);
        _roleNouns = Set(data.ManyStakeholders.RoleNouns);
        _notPeople = Set(data.ManyStakeholders.NotPeople);
        _siteNouns = Set(data.ManyStakeholders.SiteNouns);
        _groupNouns = Set(data.ManyStakeholders.GroupNouns);
        _allWords = Set(data.ManyStakeholders.AllWords ?? ["all"]);
        _roleSuffixes = data.ManyStakeholders.RoleSuffixes ?? [];
        _needsPerson = Set(data.Sensitive.NeedsPerson);
        _thingHeads = Set(data.Sensitive.ThingHeads);
        _personalOutcomes = Set(data.Sensitive.PersonalOutcomes);
        _teamNameWords = Set(data.ManyStakeholders.TeamNames);
    }

    /// <summary>The cue matchers of the modifiers' phrases (for the tests of their index).</summary>
    internal IEnumerable<CueMatcher> Matchers => [_phrases, _timeCriticalUnless];

    private static readonly HashSet<string> Determiners =
        new(["the", "a", "an", "our", "my", "your", "their", "this", "that", "these", "those", "its", "his", "her"], StringComparer.Ordinal);

    private static readonly HashSet<string> Pronouns =
        new(["he", "she", "him", "his", "her", "hers", "he's", "she's", "they", "they're", "them"], StringComparer.Ordinal);

    // Words that end a noun phrase or a list item: prepositions, conjunctions, verbs of being.
    private static readonly HashSet<string> Breaks =
        new(["and", "or", "but", "for", "with", "without", "of", "on", "in", "into", "to", "by", "at", "as", "the", "a", "an", "from", "about",
             "before", "after", "until", "that", "which", "who", "whether", "is", "are", "was", "were", "be", "will", "can", "so", "than", "then",
             "across", "between", "among", "via", "per", "it", "we", "they", "you", "i", "he", "she", "if", "when", "where", "how", "what", "why", "?"],
            StringComparer.Ordinal);

    // "3pm", "3 pm", "15:30", "noon"; "1:1" is not a time (minutes need two digits).
    [GeneratedRegex(@"^(?:(?:1[0-2]|0?[1-9])(?::[0-5]\d)?(?:am|pm)|(?:[01]?\d|2[0-3]):[0-5]\d|noon|midday)$", RegexOptions.CultureInvariant)]
    private static partial Regex ClockTime();

    public IReadOnlyList<CueHit> Detect(IReadOnlyList<Token> tokens, int mainVerb, IReadOnlyCollection<string> tellingVerbs)
    {
        var none = new bool[tokens.Count];
        var present = _present.Any(p => p.Matches(tokens, none).Any());
        var now = LiveNow(tokens);
        var hits = _phrases.Match(tokens).Where(h => h.Target != "none" && InRole(h, tokens, present || now >= 0)).ToList();
        var unless = _timeCriticalUnless.Match(tokens);
        // "postmortem of last week's outage" is about an outage that is over; "the FAQ about the outage"
        // has it as its topic, unless the text says it is happening now.
        if (unless.Count > 0 && !((present || now >= 0) && unless.All(u => tokens[u.Position].Text is "about" or "for")))
        {
            hits.RemoveAll(h => h.Target == TaxonomyIds.TimeCritical);
        }
        else if (now >= 0 && !hits.Exists(h => h.Target == TaxonomyIds.TimeCritical))
        {
            hits.Add(new CueHit(TaxonomyIds.TimeCritical, 1, $"\"{tokens[now].Original}\" (happening now)", now));
        }

        if (PersonalOutcome(tokens, mainVerb, tellingVerbs) is { } outcome)
        {
            hits.Add(outcome);
        }

        if (WorkEnding(tokens) is { } ending && !hits.Exists(h => h.Target == TaxonomyIds.Sensitive))
        {
            hits.Add(ending);
        }

        if (SameDayDeadline(tokens) is { } deadline)
        {
            hits.Add(new CueHit(TaxonomyIds.TimeCritical, 1, deadline, 0) { Deadline = true });
        }

        hits.AddRange(ManyStakeholders(tokens));
        return hits;
    }

    // The role of a modifier word decides whether it counts (docs/taxonomy.md "Decided", issue #20 tax20):
    // a time-critical word used as a noun modifier ("the leaked memo", "the outage weekend") or as the
    // topic after "about" names something, it is not happening; a sensitive word that names a thing
    // ("parental leave policy", "conflict checks", "complaint response") is not a person's matter, and
    // a few words ("complaint", "promotion") are about a person only when a person is in the text.
    private bool InRole(CueHit hit, IReadOnlyList<Token> tokens, bool happeningNow)
    {
        var (start, end) = (hit.Position, hit.Position + Math.Max(hit.Length, 1));
        if (hit.Target == TaxonomyIds.TimeCritical)
        {
            var modifier = hit.Length == 1 && start > 0 && Determiners.Contains(tokens[start - 1].Text) && end < tokens.Count
                && !tokens[end].AfterComma && !tokens[end].StartsSentence && !Breaks.Contains(tokens[end].Text) && char.IsLetter(tokens[end].Text[0])
                && !tokens[end].Text.EndsWith("ing", StringComparison.Ordinal) && !tokens[end].Text.EndsWith("ed", StringComparison.Ordinal)
                && tokens[end].Text is not ("today" or "tonight" or "now" or "hit" or "has" or "took" or "means" or "affects");
            var topic = !happeningNow && Enumerable.Range(Math.Max(0, start - 3), Math.Min(3, start)).Any(i => tokens[i].Text is "about" or "regarding" or "re");
            // "breach notification", "incident policy" name a thing; "500 days without a lost-time incident"
            // says it did not happen (pass tax20c).
            var namesAThing = !happeningNow && end < tokens.Count && _thingHeads.Contains(tokens[end].Text) && !tokens[end].AfterComma;
            var negated = !happeningNow && Enumerable.Range(Math.Max(0, start - 3), Math.Min(3, start)).Any(i => tokens[i].Text is "without" or "no");
            // "how we verify a COC when the portal is down", "what to do if the line is down": a condition, not an event (tax22).
            var conditional = Enumerable.Range(Math.Max(0, start - 4), Math.Min(4, start))
                .Any(i => tokens[i].Text is "when" or "if" or "whenever" or "unless" && !tokens.Skip(i + 1).Take(start - i).Any(t => t.StartsSentence || t.AfterComma));
            return !modifier && !topic && !namesAThing && !negated && !conditional;
        }

        if (hit.Target == TaxonomyIds.Sensitive)
        {
            if (end < tokens.Count && _thingHeads.Contains(tokens[end].Text) && !tokens[end].AfterComma)
            {
                return false;
            }

            // Right before a plural role noun it names people's line of work ("community health workers", "mental health
            // nurses"), not a person's matter (tax23). A participle there still describes them ("the harassed workers").
            if (hit.Length == 1 && end < tokens.Count && !tokens[end].AfterComma && !tokens[start].Text.EndsWith("ed", StringComparison.Ordinal)
                && (IsRole(tokens[end].Text) || _roleNouns.Contains(tokens[end].Text)))
            {
                return false;
            }

            // A capitalised word inside a name ("Ask Medical Stores …", "the Star Health portal") is not a person's matter.
            if (start > 0 && !tokens[start].StartsSentence && Enumerable.Range(start, end - start).All(i => tokens[i].IsCapitalised)
                && ((end < tokens.Count && tokens[end].IsCapitalised) || (start > 1 && tokens[start - 1].IsCapitalised && !tokens[start - 1].StartsSentence)))
            {
                return false;
            }

            return !(hit.Length == 1 && _needsPerson.Contains(tokens[start].Text)) || tokens.Any(IsPerson);
        }

        return true;
    }

    internal static bool IsPerson(Token token) =>
        Pronouns.Contains(token.Text) || (token.Index > 0 && token.IsCapitalised && token.Text.EndsWith("'s", StringComparison.Ordinal) && !Calendar.Contains(token.Text[..^2]));

    // "Tuesday's newsletter", "March's figures": a possessive that is a day or a month is not a person.
    private static readonly HashSet<string> Calendar =
        new(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow", "yesterday", "january", "february",
             "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"], StringComparer.Ordinal);

    // Work that people live on ending ("the night shift is being cut", "25 seasonal roles end after the season", "some
    // roles lose their share"): a person's standing, so sensitive, whatever the verb (tax22). Not a routine's time
    // ("the shift ends at 6").
    private static readonly HashSet<string> WorkNouns =
        new(["shift", "shifts", "role", "roles", "job", "jobs", "position", "positions", "posts", "contracts", "hours", "overtime", "wages", "allowances"], StringComparer.Ordinal);

    private static readonly HashSet<string> EndingWords =
        new(["cut", "cuts", "closed", "closing", "end", "ends", "ending", "lose", "loses", "losing", "scrapped", "axed", "cancelled", "canceled",
             "eliminated", "reduced", "abolished", "removed", "discontinued", "disappear", "disappears"], StringComparer.Ordinal);

    private static CueHit? WorkEnding(IReadOnlyList<Token> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            // "the riders on shift", "paid per shift": the work is a setting there, not the subject.
            if (!WorkNouns.Contains(tokens[i].Text) || (i > 0 && tokens[i - 1].Text is "on" or "per" or "during" or "after" or "before" or "for" or "in" or "at" or "by" or "from" or "to" or "of" or "with"))
            {
                continue;
            }

            for (var k = i + 1; k < tokens.Count && k <= i + 4 && !tokens[k].StartsSentence && !tokens[k].AfterComma; k++)
            {
                if (EndingWords.Contains(tokens[k].Text)
                    && !(k + 1 < tokens.Count && (tokens[k + 1].Text is "at" or "by" || char.IsDigit(tokens[k + 1].Text[0]))))
                {
                    return new CueHit(TaxonomyIds.Sensitive, 1, $"\"{tokens[i].Original}\" … \"{tokens[k].Original}\" (work people live on ending)", i);
                }
            }
        }

        return null;
    }

    // "now" as the time of the task ("move the samples now", "decide now whether", "now that the road is
    // closed"), not "is now 10 days", "now allows", "Helvetica Now" or "for now".
    private static int LiveNow(IReadOnlyList<Token> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Text != "now" || (i > 0 && tokens[i].IsCapitalised && !tokens[i].StartsSentence)
                || (i > 0 && tokens[i - 1].Text is "is" or "are" or "was" or "were" or "for" or "from" or "until" or "till" or "by" or "than" or "just" or "as"))
            {
                continue;
            }

            if (i + 1 == tokens.Count || tokens[i + 1].AfterComma || tokens[i + 1].StartsSentence
                || (tokens[i + 1].Text is "that" or "whether" or "before" or "and" or "or" or "so" or "while" or "if"
                    && !(tokens[i + 1].Text == "or" && tokens.Take(i).Any(t => t.Text is "whether" or "if"))))
            {
                return i;
            }
        }

        return -1;
    }

    // One-to-one news about the person's own standing: "Tell Marco he won't get the head chef job",
    // "Tell Dr Osei his application was turned down" (a telling verb, a name, then he/she/his/her and
    // an outcome word).
    private CueHit? PersonalOutcome(IReadOnlyList<Token> tokens, int mainVerb, IReadOnlyCollection<string> tellingVerbs)
    {
        if (mainVerb >= tokens.Count - 2 || !(tellingVerbs.Contains(tokens[mainVerb].Text) || tokens[mainVerb].Text == "let"))
        {
            return null;
        }

        var name = mainVerb + 1;
        if (tokens[name].Text is "dr" or "mr" or "ms" or "mrs" or "miss" or "prof")
        {
            name++;
        }

        if (name >= tokens.Count || !tokens[name].IsCapitalised)
        {
            return null;
        }

        var pronoun = Enumerable.Range(name + 1, Math.Min(3, tokens.Count - name - 1)).FirstOrDefault(i => Pronouns.Contains(tokens[i].Text), -1);
        if (pronoun < 0)
        {
            return null;
        }

        var outcome = Enumerable.Range(pronoun, tokens.Count - pronoun).FirstOrDefault(i => _personalOutcomes.Contains(tokens[i].Text), -1);
        return outcome < 0 ? null
            : new CueHit(TaxonomyIds.Sensitive, 1, $"\"{tokens[mainVerb].Original} {tokens[name].Original}\" + \"{tokens[outcome].Original}\" (news about their own standing)", mainVerb);
    }

    private string? SameDayDeadline(IReadOnlyList<Token> tokens)
    {
        var none = new bool[tokens.Count];
        // An explicit same-day word ("today", "EOD") wins over a recurring or later day named for
        // something else ("send the weekly report by EOD", "ask today whether Saturday works");
        // only "tomorrow" and "next week" move the deadline itself.
        var words = tokens.Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        var sameDayHere = _sameDay.Where(p => p.AnchorWord is null || words.Contains(p.AnchorWord)).ToList();
        var explicitToday = sameDayHere.Exists(p => p.Matches(tokens, none).Any());
        var otherDay = explicitToday
            ? tokens.Any(t => t.Text is "tomorrow" or "tmrw") || tokens.Zip(tokens.Skip(1)).Any(p => p.First.Text == "next" && p.Second.Text == "week")
            : _otherDay.Any(p => (p.AnchorWord is null || words.Contains(p.AnchorWord)) && p.Matches(tokens, none).Any());
        if (otherDay)
        {
            return null;
        }

        // A clock time is a deadline when it is given as one ("by 3pm", "before 15:00", "due 3pm",
        // "3pm today"); the time of a routine ("post the notes at 3pm") is not (docs/taxonomy.md).
        var today = tokens.Any(t => t.Text is "today" or "tonight");
        var clock = Enumerable.Range(0, tokens.Count)
            .Where(i => today || IsDeadlineLead(tokens, i))
            .Select(i => ClockTime().IsMatch(tokens[i].Text) ? tokens[i].Original
                : i + 1 < tokens.Count && tokens[i + 1].Text is "am" or "pm" && int.TryParse(tokens[i].Text, CultureInfo.InvariantCulture, out var h) && h is >= 1 and <= 12
                    ? $"{tokens[i].Original} {tokens[i + 1].Original}" : null)
            .FirstOrDefault(t => t is not null);
        if (clock is not null)
        {
            return $"\"{clock}\" (later today)";
        }

        // "the call she handled this morning" says when something happened, not when the task is due.
        var sameDay = sameDayHere.Select(p => (p, Start: p.Matches(tokens, none).DefaultIfEmpty(-1).First()))
            .FirstOrDefault(m => m.Start >= 0 && !(m.Start > 1 && IsPastVerb(tokens[m.Start - 1].Text) && tokens[m.Start - 2].Text is "she" or "he" or "they" or "we" or "i" or "you"));
        return sameDay.p is null ? null : $"\"{string.Join(' ', tokens.Skip(sameDay.Start).Take(sameDay.p.Length).Select(t => t.Original))}\"";
    }

    private static bool IsPastVerb(string word) =>
        word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal) && word is not ("needed" or "required" or "scheduled" or "planned" or "expected");

    // "by 3pm", "due 15:00", and "before" a little further back: "before it goes live at 5pm".
    private static bool IsDeadlineLead(IReadOnlyList<Token> tokens, int clock)
    {
        for (var i = Math.Max(0, clock - 5); i < clock; i++)
        {
            if ((tokens[i].Text is "before" && !tokens.Skip(i + 1).Take(clock - i).Any(t => t.StartsSentence))
                || (i >= clock - 2 && tokens[i].Text is "by" or "due" or "until" or "till" or "deadline" or "than" or "latest"))
            {
                return true;
            }
        }

        return false;
    }

}
