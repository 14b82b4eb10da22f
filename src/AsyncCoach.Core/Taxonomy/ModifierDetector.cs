using System.Globalization;
using System.Text.RegularExpressions;

namespace AsyncCoach.Core.Taxonomy;

/// <summary>Finds the three modifiers of TAXONOMY.md and the words that triggered each.</summary>
internal sealed partial class ModifierDetector
{
    private static readonly string[] NumberWords =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];

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
    }

    // "3pm", "3 pm", "15:30", "noon"; "1:1" is not a time (minutes need two digits).
    [GeneratedRegex(@"^(?:(?:1[0-2]|0?[1-9])(?::[0-5]\d)?(?:am|pm)|(?:[01]?\d|2[0-3]):[0-5]\d|noon|midday)$", RegexOptions.CultureInvariant)]
    private static partial Regex ClockTime();

    public IReadOnlyList<CueHit> Detect(IReadOnlyList<Token> tokens)
    {
        var hits = _phrases.Match(tokens).Where(h => h.Target != "none").ToList();
        if (_timeCriticalUnless.Match(tokens).Count > 0)
        {
            // "postmortem of last week's outage" is about an outage that is over.
            hits.RemoveAll(h => h.Target == TaxonomyIds.TimeCritical);
        }

        if (SameDayDeadline(tokens) is { } deadline)
        {
            hits.Add(new CueHit(TaxonomyIds.TimeCritical, 1, deadline, 0));
        }

        hits.AddRange(ManyStakeholders(tokens));
        return hits;
    }

    private string? SameDayDeadline(IReadOnlyList<Token> tokens)
    {
        var none = new bool[tokens.Count];
        // An explicit same-day word ("today", "EOD") wins over a recurring or later day named for
        // something else ("send the weekly report by EOD", "ask today whether Saturday works");
        // only "tomorrow" and "next week" move the deadline itself.
        var explicitToday = _sameDay.Any(p => p.Matches(tokens, none).Any());
        var otherDay = explicitToday
            ? tokens.Any(t => t.Text is "tomorrow" or "tmrw") || tokens.Zip(tokens.Skip(1)).Any(p => p.First.Text == "next" && p.Second.Text == "week")
            : _otherDay.Any(p => p.Matches(tokens, none).Any());
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

        var sameDay = _sameDay.Select(p => (p, Start: p.Matches(tokens, none).DefaultIfEmpty(-1).First())).FirstOrDefault(m => m.Start >= 0);
        return sameDay.p is null ? null : $"\"{string.Join(' ', tokens.Skip(sameDay.Start).Take(sameDay.p.Length).Select(t => t.Original))}\"";
    }

    private static bool IsDeadlineLead(IReadOnlyList<Token> tokens, int clock)
    {
        for (var i = Math.Max(0, clock - 2); i < clock; i++)
        {
            if (tokens[i].Text is "by" or "before" or "due" or "until" or "till" or "deadline" or "than" or "latest")
            {
                return true;
            }
        }

        return false;
    }

    private IEnumerable<CueHit> ManyStakeholders(IReadOnlyList<Token> tokens)
    {
        var many = _data.ManyStakeholders;
        var none = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            if (Number(tokens[i].Text) is not { } n)
            {
                continue;
            }

            // The noun may follow after up to two words: "10 team leads", "15 people involved", "12 senior engineers".
            for (var skip = 1; skip <= 3 && i + skip < tokens.Count; skip++)
            {
                var rest = tokens.Skip(i + skip).ToList();
                var (noun, threshold) = (StartsWith(_peopleNouns, rest), many.MinPeople);
                if (noun is null)
                {
                    (noun, threshold) = (StartsWith(_teamNouns, rest), many.MinTeams);
                }

                if (noun is null)
                {
                    (noun, threshold) = (StartsWith(_zoneNouns, rest), many.MinTimeZones);
                }

                if (noun is null && IsPeopleOfARole(tokens, i, i + skip))
                {
                    (noun, threshold) = (AgentNoun, many.MinPeople);
                }

                if (noun is null)
                {
                    continue;
                }

                if (n >= threshold)
                {
                    var words = tokens.Skip(i).Take(skip + noun.Length).Select(t => t.Original);
                    yield return new CueHit(TaxonomyIds.ManyStakeholders, 1, $"\"{string.Join(' ', words)}\"", i);
                }

                break;
            }
        }

        var teams = _teamNames.Where(p => p.Matches(tokens, none).Any()).Select(p => p.Phrase).ToList();
        if (teams.Count >= many.MinTeams)
        {
            yield return new CueHit(TaxonomyIds.ManyStakeholders, 1, $"{teams.Count} teams named ({string.Join(", ", teams)})", 0);
        }

        var places = _places.Where(p => p.Matches(tokens, none).Any()).Select(p => p.Phrase).ToList();
        if (places.Count >= many.MinTimeZones)
        {
            yield return new CueHit(TaxonomyIds.ManyStakeholders, 1, $"{places.Count} locations ({string.Join(", ", places)})", 0);
        }
    }

    private static readonly PhrasePattern AgentNoun = new("_", new HashSet<string>());

    // "all 120 operators", "with 12 editors", "from all 40 devs": after "all"/"with"/"from"/"to", a
    // number and a plural role noun (-ers, -ors, -ists, -ians, -ees, "devs") count people, whatever the role.
    private static bool IsPeopleOfARole(IReadOnlyList<Token> tokens, int number, int noun)
    {
        if (number == 0 || tokens[number - 1].Text is not ("all" or "with" or "from" or "to") || noun != number + 1)
        {
            return false;
        }

        var word = tokens[noun].Text;
        return word is "devs" or "nurses" or "chefs" or "staff"
            || (word.Length > 5 && (word.EndsWith("ers", StringComparison.Ordinal) || word.EndsWith("ors", StringComparison.Ordinal)
                || word.EndsWith("ists", StringComparison.Ordinal) || word.EndsWith("ians", StringComparison.Ordinal) || word.EndsWith("ees", StringComparison.Ordinal))
                && word is not ("servers" or "containers" or "layers" or "filters" or "orders" or "numbers" or "papers" or "computers" or "printers"
                    or "routers" or "monitors" or "sensors" or "trailers" or "folders" or "letters" or "meters" or "chapters" or "headers" or "markers"
                    or "registers" or "errors" or "doors" or "floors" or "answers" or "centers" or "centres" or "lists" or "checklists" or "fees"));
    }

    private static PhrasePattern? StartsWith(IReadOnlyList<PhrasePattern> nouns, IReadOnlyList<Token> rest) =>
        nouns.FirstOrDefault(p => p.Length <= rest.Count && p.Matches([.. rest.Take(p.Length)], new bool[p.Length]).Any());

    private static int? Number(string word) =>
        int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : Array.IndexOf(NumberWords, word) is var index and >= 0 ? index
        : word == "dozen" ? 12
        : null;
}
