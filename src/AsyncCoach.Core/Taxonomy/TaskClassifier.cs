using System.Globalization;
using System.Text.Json;

namespace AsyncCoach.Core.Taxonomy;

/// <summary>
/// Places a task description on the taxonomy ladder of TAXONOMY.md. Pure and thread-safe:
/// the phrase data is read once (from the embedded taxonomy.en.json by default) and never changes.
/// </summary>
public sealed class TaskClassifier
{
    private const string ResourceName = "AsyncCoach.Core.Taxonomy.taxonomy.en.json";
    private const int MaxTierCuesInWhy = 3;

    // Words that never start a noun: after "the review" they show "review" is the noun itself.
    private static readonly HashSet<string> FunctionWords = new(
        ["and", "or", "but", "for", "with", "without", "of", "on", "in", "into", "to", "by", "at", "as", "the", "a", "an", "from", "about",
         "before", "after", "until", "that", "this", "these", "those", "our", "your", "their", "my", "is", "are", "was", "were", "be", "been",
         "when", "where", "which", "who", "why", "how", "what", "if", "so", "than", "then", "through", "while", "via", "per", "it", "we",
         "they", "you", "i", "he", "she", "today", "tomorrow", "now", "asap", "first", "next", "again", "together", "later", "soon"],
        StringComparer.Ordinal);

    // A task is a sentence or two; longer text (a pasted doc) is cut so matching stays fast.
    public const int MaxTaskLength = 2000;
    private static readonly Lazy<TaskClassifier> Default = new(() => FromJson(ReadEmbeddedData()));

    private readonly TaxonomyData _data;
    private readonly CueMatcher _cues;
    private readonly ModifierDetector _modifiers;

    private TaskClassifier(TaxonomyData data)
    {
        data = data.WithLanguages();
        var notNames = data.NotNames.Select(n => n.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var unknown = data.Cues.Select(c => c.Tier).Where(t => TaxonomyIds.TierOf(t) is null && t is not "none" and not "meeting").ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidDataException($"Unknown tier id(s) in taxonomy data: {string.Join(", ", unknown.Distinct())}.");
        }

        _data = data;
        _cues = new CueMatcher([.. data.Cues, new CueData("meeting", 0, data.MeetingWords, null)], notNames);
        _modifiers = new ModifierDetector(data.Modifiers, notNames);
    }

    /// <summary>The classifier with the phrase data shipped in this assembly (loaded once).</summary>
    public static TaskClassifier CreateDefault() => Default.Value;

    /// <summary>A classifier with a team's own phrase data, in the format of taxonomy.en.json.</summary>
    public static TaskClassifier FromJson(string json) =>
        new(JsonSerializer.Deserialize(json, TaxonomyDataContext.Default.TaxonomyData)
            ?? throw new InvalidDataException("The taxonomy data is empty."));

    public Classification Classify(string task)
    {
        task ??= string.Empty;
        var tokens = Tokenizer.Tokenize(task.Length > MaxTaskLength ? task[..MaxTaskLength] : task, _data.Shorthand);
        var mainVerb = MainVerb(tokens);
        var hits = ApprovesAnArtefact(InRole(_cues.Match(tokens), tokens, mainVerb), tokens, mainVerb);
        var modifierHits = _modifiers.Detect(tokens, mainVerb, _data.TellingVerbs ?? []);
        var modifiers = TaxonomyIds.AllModifiers.Where(m => modifierHits.Any(h => h.Target == m)).ToList();
        var modifierWhy = TaxonomyIds.AllModifiers
            .SelectMany(m => modifierHits.Where(h => h.Target == m).Take(1))
            .Select(h => $"{h.Evidence} → {h.Target}");

        var mainIsFirefight = mainVerb < tokens.Count && (_data.FirefightVerbs ?? []).Contains(tokens[mainVerb].Text);
        if (modifiers.Contains(TaxonomyIds.TimeCritical)
            && !hits.Any(h => h.Target == "meeting" || (!mainIsFirefight && OnMainVerb(h, mainVerb) && TaxonomyIds.TierOf(h.Target) is not null))
            && Firefighting(tokens, hits) is { } firefight)
        {
            hits = [.. hits, firefight];
        }

        var scores = hits.Where(h => TaxonomyIds.TierOf(h.Target) is not null)
            .GroupBy(h => h.Target)
            .Select(g => (Id: g.Key, Score: g.Sum(h => h.Weight), Top: g.Max(h => h.Weight), Hits: g.ToList()))
            .OrderByDescending(s => s.Score)
            .ThenByDescending(s => s.Hits.Exists(h => OnMainVerb(h, mainVerb))) // a tie goes to the task's main verb
            .ThenByDescending(s => s.Top)
            .ThenBy(s => TaxonomyIds.TierOf(s.Id))
            .ToList();

        // Several steps on different tiers: the hardest step's main verb decides (docs/taxonomy.md "Decided").
        if (HardestStep(tokens, hits) is { } hardest && scores.FindIndex(s => s.Id == hardest) is var at and > 0 && scores[at].Score >= _data.MinScore)
        {
            var step = scores[at];
            scores.RemoveAt(at);
            scores.Insert(0, step);
        }

        if (scores.Count == 0 || scores[0].Score < _data.MinScore)
        {
            return Unclear(hits, scores.Count == 0 ? null : scores[0], modifiers, [.. modifierWhy]);
        }

        var best = scores[0];
        var tier = TaxonomyIds.TierOf(best.Id)!.Value;
        var runnerUp = scores.Count > 1 ? scores[1].Score : 0;
        var why = best.Hits.OrderByDescending(h => h.Weight).ThenBy(h => h.Position).Take(MaxTierCuesInWhy)
            .Select(h => $"{h.Evidence} → {best.Id}")
            .Concat(modifierWhy)
            .ToList();

        return new Classification(
            tier,
            best.Id,
            ModeRules.Compute(tier, modifiers),
            modifiers,
            Confidence(best.Score, runnerUp),
            why,
            NextStep(tier, modifiers));
    }

    // The grammatical role of a cue (docs/taxonomy.md "Decided"): a one-word cue in the recipient
    // slot of a telling verb ("tell design the API is ready": design is a team) or used as a noun
    // modifier after a determiner ("send Sam the review checklist") names something; it is not the
    // task's verb, so it does not vote.
    private int MainVerb(IReadOnlyList<Token> tokens)
    {
        var lead = _data.LeadWords ?? [];
        var mainVerb = 0;
        while (mainVerb < tokens.Count && lead.Contains(tokens[mainVerb].Text))
        {
            mainVerb++;
        }

        return mainVerb;
    }

    // The steps of a task start at its first word, after a sentence mark or "?", and after "then"
    // ("review the notes, then post them"). A step's tier is its main verb's cue, else its strongest
    // tier; with two steps or more the hardest step wins, since it sets how much live time the whole
    // task needs.
    private string? HardestStep(IReadOnlyList<Token> tokens, IReadOnlyList<CueHit> hits)
    {
        var starts = new List<int> { 0 };
        for (var i = 1; i < tokens.Count; i++)
        {
            if (tokens[i].StartsSentence || tokens[i - 1].Text is "?" or "then")
            {
                starts.Add(i);
            }
        }

        if (starts.Count < 2)
        {
            return null;
        }

        var lead = _data.LeadWords ?? [];
        string? hardest = null;
        for (var k = 0; k < starts.Count; k++)
        {
            var (start, end) = (starts[k], k + 1 < starts.Count ? starts[k + 1] : tokens.Count);
            var verb = start;
            while (verb < end && lead.Contains(tokens[verb].Text))
            {
                verb++;
            }

            var inStep = hits.Where(h => TaxonomyIds.TierOf(h.Target) is not null && h.Position >= start && h.Position < end).ToList();
            var step = inStep.Where(h => h.Position <= verb && verb < h.Position + Math.Max(h.Length, 1)).MaxBy(h => h.Weight)?.Target
                ?? inStep.GroupBy(h => h.Target).Select(g => (g.Key, Score: g.Sum(h => h.Weight))).Where(g => g.Score >= _data.MinScore)
                    .OrderByDescending(g => g.Score).Select(g => g.Key).FirstOrDefault();
            if (step is not null && (hardest is null || TaxonomyIds.TierOf(step) > TaxonomyIds.TierOf(hardest)))
            {
                hardest = step;
            }
        }

        return hardest;
    }

    // "Approve the architecture diagram", "sign off the shift schedule template": approving an
    // artefact is review (the contract's boundary); the object's head noun says what is approved,
    // not a word inside it ("architecture"). Decide cues on the verb become review cues.
    private IReadOnlyList<CueHit> ApprovesAnArtefact(IReadOnlyList<CueHit> hits, IReadOnlyList<Token> tokens, int mainVerb)
    {
        var approves = mainVerb < tokens.Count && tokens[mainVerb].Text is "approve" or "sign" or "ok" or "greenlight";
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
        var determiners = _data.Determiners ?? [];
        for (; i < tokens.Count; i++)
        {
            var word = tokens[i].Text;
            if (determiners.Contains(word) && head is null)
            {
                continue;
            }

            if (determiners.Contains(word) || FunctionWords.Contains(word) || word == "?")
            {
                break;
            }

            head = word;
        }

        var artefacts = _data.ArtefactNouns ?? [];
        if (head is null || !(artefacts.Contains(head) || (head.EndsWith('s') && artefacts.Contains(head[..^1]))
            || (head.EndsWith("ies", StringComparison.Ordinal) && artefacts.Contains(head[..^3] + "y"))))
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

    private IReadOnlyList<CueHit> InRole(IReadOnlyList<CueHit> hits, IReadOnlyList<Token> tokens, int mainVerb)
    {
        var recipientSlot = mainVerb < tokens.Count && (_data.TellingVerbs ?? []).Contains(tokens[mainVerb].Text) ? mainVerb + 1 : -1;
        // A weak cue that names a meeting ("progress meeting", "weekly calibration sync") is part of the
        // meeting's name, not an outcome (unless a purpose follows: "budget meeting to allocate …").
        var meetings = hits.Where(h => h.Target == "meeting").Select(h => h.Position).ToHashSet();
        var inRole = hits.Where(h => h.Length == 0 || TaxonomyIds.TierOf(h.Target) is null
            || !(h.Position == recipientSlot || (h.Length == 1 && IsNounModifier(tokens, h.Position))
                || (h.Length == 1 && h.Weight <= 3 && meetings.Contains(h.Position + 1) && !(h.Position + 2 < tokens.Count && tokens[h.Position + 2].Text == "to"))))
            .ToList();

        // What the main verb governs is its topic, not another task: after "Ask X whether …", "Brainstorm
        // how we celebrate …", "Tell X where to pick up …" the clause's cues do not vote; nor does a cue that
        // names a thing ("the parental leave policy", "the password rules") or the setting of the task
        // ("… in the retro"), when a cue elsewhere says what the task is.
        var mainHasCue = inRole.Exists(h => OnMainVerb(h, mainVerb) && TaxonomyIds.TierOf(h.Target) is not null);
        var clause = mainHasCue ? Enumerable.Range(mainVerb + 1, Math.Max(0, tokens.Count - mainVerb - 1))
            .TakeWhile(i => !tokens[i].StartsSentence && tokens[i - 1].Text != "then")
            .FirstOrDefault(i => tokens[i].Text is "whether" or "if" or "how" or "why" or "where" or "when" or "what" or "which" or "who", -1) : -1;
        var thingHeads = _data.Modifiers.Sensitive.ThingHeads ?? [];
        bool Topic(CueHit h)
        {
            if (h.Length == 0 || TaxonomyIds.TierOf(h.Target) is null || OnMainVerb(h, mainVerb))
            {
                return false;
            }

            var end = h.Position + h.Length;
            var inClause = clause > 0 && h.Position > clause && !tokens.Skip(clause).Take(h.Position - clause + 1).Any(t => t.StartsSentence);
            var namesAThing = end < tokens.Count && thingHeads.Contains(tokens[end].Text);
            var setting = h.Length == 1 && h.Position >= 2 && end == tokens.Count
                && (_data.Determiners ?? []).Contains(tokens[h.Position - 1].Text) && tokens[h.Position - 2].Text is "in" or "at" or "during" or "after";
            return inClause || namesAThing || setting;
        }

        var topics = inRole.Where(Topic).ToList();
        return topics.Count > 0 && inRole.Except(topics).Any(h => TaxonomyIds.TierOf(h.Target) is not null) ? [.. inRole.Except(topics)] : inRole;
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

    private bool IsNounModifier(IReadOnlyList<Token> tokens, int position) =>
        position > 0 && position + 1 < tokens.Count
        && (_data.Determiners ?? []).Contains(tokens[position - 1].Text)
        && tokens[position + 1].Text.Length > 2 && char.IsLetter(tokens[position + 1].Text[0])
        && !(_data.LeadWords ?? []).Contains(tokens[position + 1].Text) && !FunctionWords.Contains(tokens[position + 1].Text);

    // Strength grows with the winning score and is shared out when another tier is close behind.
    private static double Confidence(double best, double runnerUp)
    {
        var strength = 1 - Math.Exp(-best / 3);
        var share = best / (best + runnerUp);
        return Math.Round(Math.Clamp(strength * share, 0, 0.99), 2);
    }

    private string NextStep(int tier, IReadOnlyList<string> modifiers)
    {
        var m = _data.Modifiers;
        if (modifiers.Contains(TaxonomyIds.TimeCritical))
        {
            return m.TimeCritical.NextStep;
        }

        if (modifiers.Contains(TaxonomyIds.Sensitive))
        {
            return tier == 6 ? m.Sensitive.NextStepConnect : m.Sensitive.NextStep;
        }

        if (modifiers.Contains(TaxonomyIds.ManyStakeholders) && tier is 4 or 5)
        {
            return m.ManyStakeholders.NextStep;
        }

        return _data.Tiers.Single(t => t.Tier == tier).NextStep;
    }

    private Classification Unclear(
        IReadOnlyList<CueHit> hits,
        (string Id, double Score, double Top, List<CueHit> Hits)? weak,
        IReadOnlyList<string> modifiers,
        IReadOnlyList<string> modifierWhy)
    {
        var why = new List<string>();
        var meeting = hits.Where(h => h.Target == "meeting").Select(h => h.Evidence).ToList();
        if (meeting.Count > 0)
        {
            why.Add($"{string.Join(" + ", meeting)}: meeting words with no outcome");
        }

        if (weak is { } w)
        {
            why.Add(string.Create(CultureInfo.InvariantCulture, $"{string.Join(" + ", w.Hits.Select(h => h.Evidence))}: too weak a cue for {w.Id}"));
        }

        if (why.Count == 0)
        {
            why.Add("no cue for what the task needs");
        }

        return new Classification(null, TaxonomyIds.Unclear, null, modifiers, 0, [.. why, .. modifierWhy], _data.UnclearNextStep);
    }

    private static string ReadEmbeddedData()
    {
        using var stream = typeof(TaskClassifier).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
