using System.Globalization;

namespace AsyncCoach.Core.Taxonomy;

// The many-stakeholders modifier: people, teams and places counted in the task.
internal sealed partial class ModifierDetector
{
    private static readonly string[] NumberWords =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];

    private IEnumerable<CueHit> ManyStakeholders(IReadOnlyList<Token> tokens)
    {
        var many = _data.ManyStakeholders;
        var none = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            if (Number(tokens[i].Text) is not { } n)
            {
                var role = i + 1 < tokens.Count && tokens[i + 1].Text is "the" or "los" or "las" or "les" or "os" or "as" or "die" or "our" ? i + 2 : i + 1;
                if (_allWords.Contains(tokens[i].Text) && role < tokens.Count && IsRole(tokens[role].Text))
                {
                    // "all pilots", "all technicians", "todos los repartidores": a collective that covers a whole group of people.
                    yield return new CueHit(TaxonomyIds.ManyStakeholders, 1, $"\"{Words(tokens, i, role + 1)}\"", i);
                }

                continue;
            }

            // The noun may follow after up to two words: "10 team leads", "140 shift workers", "12 new evaluators"; or three
            // when two of them are joined by "and" ("all 140 plant and field staff").
            var joined = false;
            for (var skip = 1; skip <= (joined ? 4 : 3) && i + skip < tokens.Count; skip++)
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

                if (noun is null && IsRole(tokens[i + skip].Text))
                {
                    (noun, threshold) = (AgentNoun, many.MinPeople);
                }

                if (noun is null && _siteNouns.Contains(tokens[i + skip].Text) && i > 0 && tokens[i - 1].Text is "all" or "across" or "every")
                {
                    // "staff at all nine clinics", "across all 22 branches": each site is a team.
                    (noun, threshold) = (AgentNoun, many.MinTeams);
                }

                if (noun is null && _groupNouns.Contains(tokens[i + skip].Text) && !_siteNouns.Contains(tokens[i + skip].Text)
                    && !(i > 0 && tokens[i - 1].Text is "between" or "of") && !(i > 1 && Determiners.Contains(tokens[i - 1].Text) && tokens[i - 2].Text is "between" or "of"))
                {
                    // "all 46 herder cooperatives", "the 9 partner banks", "14 municipalities' IT contacts": each group counts as a
                    // team (tax23); not the options of a choice ("between the 5 co-ops").
                    (noun, threshold) = (AgentNoun, many.MinTeams);
                }

                if (noun is null)
                {
                    if (tokens[i + skip].Text is "and" or "&" && skip > 1 && !joined)
                    {
                        joined = true;
                        continue;
                    }

                    if (Breaks.Contains(tokens[i + skip].Text) || Number(tokens[i + skip].Text) is not null || tokens[i + skip].AfterComma)
                    {
                        break;
                    }

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

        // Only names whose first word is in the task can match: skip the rest before scanning (a gazetteer is long).
        var taskWords = tokens.Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        bool Present(PhrasePattern p) => (p.AnchorWord is null || taskWords.Contains(p.AnchorWord)) && p.Matches(tokens, none).Any();
        var teams = _teamNames.Where(Present).Select(p => p.Phrase).ToList();
        if (teams.Count >= many.MinTeams)
        {
            yield return new CueHit(TaxonomyIds.ManyStakeholders, 1, $"{teams.Count} teams named ({string.Join(", ", teams)})", 0);
        }

        var places = _places.Where(Present).Select(p => p.Phrase).ToList();
        if (places.Count >= many.MinTimeZones)
        {
            yield return new CueHit(TaxonomyIds.ManyStakeholders, 1, $"{places.Count} locations ({string.Join(", ", places)})", 0);
        }

        if (GroupList(tokens) is { } list && list.Items.Count >= many.MinTeams)
        {
            yield return new CueHit(TaxonomyIds.ManyStakeholders, 1, $"{list.Items.Count} groups listed ({string.Join(", ", list.Items)})", list.Start);
        }
    }

    private static readonly PhrasePattern AgentNoun = new("_", new HashSet<string>());

    // A word that names who receives something ("to the compliance head", "to all site managers", "to Legal"):
    // a role or group noun, a team name, or one of the usual singular heads of a recipient.
    internal bool NamesPeople(string word) =>
        IsRole(word) || _roleNouns.Contains(word) || _groupNouns.Contains(word) || _teamNameWords.Contains(word)
        || word is "team" or "teams" or "desk" or "office" or "unit" or "crew" or "head" or "heads" or "lead" or "leads" or "board"
            or "client" or "clients" or "customer" or "customers" or "manager" or "owner" or "owners" or "everyone" or "everybody"
            or "staff" or "committee" or "department" or "ministry" or "authority" or "agency" or "supplier" or "suppliers" or "partner"
            or "partners" or "director" or "chair" or "member" or "members" or "group" or "all" or "party" or "guests" or "family" or "parents";

    // A plural noun for people by their role: listed ("pilots", "crew"), or an agent noun (-ers, -ors,
    // -ists, -ians, -ees, -men) that is not a thing ("servers", "sensors").
    private bool IsRole(string word) =>
        _roleNouns.Contains(word) || (word.Length > 5 && !_notPeople.Contains(word) && _roleSuffixes.Any(s => word.EndsWith(s, StringComparison.Ordinal)));

    // A list of groups written out: "with Compliance, Legal, Operations, Risk and Internal Audit", "the
    // heads of corporate, litigation, property and tax", "the Jakarta, Surabaya, Medan and Makassar desks".
    // Items are one to three words between commas, the last after "and"/"or"; the list counts when a
    // word that takes people governs it (with, across, among, from, to; "heads of"; the task's first
    // verb: "Get art, design, audio and QA to agree") or a group noun ends it or comes before it ("desks";
    // "the plants in Poland, Germany, …").
    private (int Start, List<string> Items)? GroupList(IReadOnlyList<Token> tokens)
    {
        for (var j = 2; j + 1 < tokens.Count; j++)
        {
            if (tokens[j].Text is not ("and" or "or" or "&"))
            {
                continue;
            }

            // An item may start with a determiner: "with the hatchery, the three sites, the vet and the sales team".
            var first = j + 1 < tokens.Count && Determiners.Contains(tokens[j + 1].Text) ? j + 2 : j + 1;
            var lastEnd = first;
            while (lastEnd < tokens.Count && lastEnd - first < 3 && !IsBreak(tokens[lastEnd]) && !tokens[lastEnd].AfterComma && !tokens[lastEnd].StartsSentence)
            {
                lastEnd++;
            }

            if (lastEnd == first)
            {
                continue;
            }

            var items = new List<string> { Words(tokens, j + 1, lastEnd) };
            var end = j;
            var start = -1;
            while (end > 0)
            {
                // An item runs back from its end to the word after a comma, at most three words.
                var s = end - 1;
                while (s > 1 && end - s < 3 && !tokens[s].AfterComma && !IsBreak(tokens[s - 1]) && !tokens[s - 1].StartsSentence)
                {
                    s--;
                }

                if (IsBreak(tokens[s]))
                {
                    break;
                }

                if (s > 0 && Determiners.Contains(tokens[s - 1].Text) && !tokens[s].AfterComma)
                {
                    s--;
                }

                items.Insert(0, Words(tokens, s, end));
                if (!tokens[s].AfterComma)
                {
                    start = s;
                    break;
                }

                end = s;
            }

            if (start < 0 || items.Count < 3)
            {
                continue;
            }

            var lead = start > 0 && Determiners.Contains(tokens[start - 1].Text) ? start - 1 : start; // "across the 4 vessel crews, ops, …"
            var governor = lead > 0 ? tokens[lead - 1].Text : "^";
            var before = lead > 1 ? tokens[lead - 2].Text : "^";
            var groupNounAfter = _groupNouns.Contains(tokens[lastEnd - 1].Text) || (lastEnd < tokens.Count && _groupNouns.Contains(tokens[lastEnd].Text));
            var governed = governor is "with" or "across" or "among" or "from" or "to"
                || (governor is "of" && before is "heads" or "leads" or "managers" or "directors" or "teams")
                || (governor is "in" && (_groupNouns.Contains(before) || IsRole(before)))
                || (lead == 1 && tokens[0].Text is "get" or "ask" or "have");
            // After "with", a list of capitalised names only is as likely tools or ingredients ("with React, Redux, D3 and
            // Tailwind") as groups: it counts when one item is known to be a group of people.
            var tools = governor is "with" && !groupNounAfter && items.TrueForAll(i => !char.IsLower(i[0])) && !items.Exists(LooksLikeAGroup);
            if ((governed || groupNounAfter) && !tools)
            {
                return (start, items);
            }
        }

        return null;
    }

    // An item of a list that names people: a team name ("legal"), a group or role noun ("the sales team",
    // "the vet", "pharmacists"), a place, or a common noun after a determiner ("the hatchery").
    private bool LooksLikeAGroup(string item)
    {
        var words = item.ToLowerInvariant().Split(' ');
        return Determiners.Contains(words[0]) || _teamNameWords.Contains(item.ToLowerInvariant())
            || words.Any(w => _groupNouns.Contains(w) || _roleNouns.Contains(w) || IsRole(w) || w is "team" or "desk" or "office" or "unit" or "crew" or "site");
    }

    // "IT" in capitals is a team, not "it".
    private static bool IsBreak(Token token) => Breaks.Contains(token.Text) && !(token.Original.Length > 1 && token.Original.All(char.IsUpper));

    private static string Words(IReadOnlyList<Token> tokens, int start, int end) => string.Join(' ', tokens.Skip(start).Take(end - start).Select(t => t.Original));

    private static PhrasePattern? StartsWith(IReadOnlyList<PhrasePattern> nouns, IReadOnlyList<Token> rest) =>
        nouns.FirstOrDefault(p => p.Length <= rest.Count && p.Matches([.. rest.Take(p.Length)], new bool[p.Length]).Any());

    private static int? Number(string word) =>
        int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : Array.IndexOf(NumberWords, word) is var index and >= 0 ? index
        : word == "dozen" ? 12
        : null;
}
