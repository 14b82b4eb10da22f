using System.Globalization;
using System.Text.Json;

namespace AsyncCoach.Core.Taxonomy;

/// <summary>
/// Places a task description on the taxonomy ladder of TAXONOMY.md. Pure and thread-safe:
/// the phrase data is read once (from the embedded taxonomy.en.json by default) and never changes.
/// </summary>
public sealed partial class TaskClassifier
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
        _cues = new CueMatcher([.. data.Cues, new CueData("meeting", 0, data.MeetingWords, null)], NotNamesWithPlaces(data));
        _modifiers = new ModifierDetector(data.Modifiers, notNames);
    }

    /// <summary>The classifier with the phrase data shipped in this assembly (loaded once).</summary>
    public static TaskClassifier CreateDefault() => Default.Value;

    /// <summary>A classifier with a team's own phrase data, in the format of taxonomy.en.json.</summary>
    public static TaskClassifier FromJson(string json) =>
        new(JsonSerializer.Deserialize(json, TaxonomyDataContext.Default.TaxonomyData)
            ?? throw new InvalidDataException("The taxonomy data is empty."));

    /// <summary>The cue matchers this classifier reads (tier cues, then the modifiers'), for the tests of their index.</summary>
    internal IEnumerable<CueMatcher> Matchers => [_cues, .. _modifiers.Matchers];

    /// <summary>The words of <paramref name="task"/> as <see cref="Classify"/> reads them.</summary>
    internal IReadOnlyList<Token> Tokens(string task) => Tokenizer.Tokenize(task.Length > MaxTaskLength ? task[..MaxTaskLength] : task, _data.Shorthand);

    public Classification Classify(string task)
    {
        task ??= string.Empty;
        var tokens = Tokens(task);
        var mainVerb = MainVerb(tokens);
        var hits = MakesOrHandsOver(ApprovesAnArtefact(FeedbackOnTheirWork(InRole(_cues.Match(tokens), tokens, mainVerb), tokens), tokens, mainVerb), tokens, mainVerb);
        var modifierHits = _modifiers.Detect(tokens, mainVerb, _data.TellingVerbs ?? []);
        var modifiers = TaxonomyIds.AllModifiers.Where(m => modifierHits.Any(h => h.Target == m)).ToList();
        var modifierWhy = TaxonomyIds.AllModifiers
            .SelectMany(m => modifierHits.Where(h => h.Target == m).Take(1))
            .Select(h => $"{h.Evidence} → {h.Target}");

        var mainIsFirefight = mainVerb < tokens.Count && (_data.FirefightVerbs ?? []).Contains(tokens[mainVerb].Text);
        if (modifiers.Contains(TaxonomyIds.TimeCritical)
            && !hits.Any(h => h.Target == "meeting" || (!mainIsFirefight && OnMainVerb(h, mainVerb) && TaxonomyIds.TierOf(h.Target) is not null))
            && (Firefighting(tokens, hits) ?? SituationThenAct(tokens, hits, modifierHits)) is { } firefight)
        {
            hits = [.. hits, firefight];
        }

        hits = PersonalOrNews(hits, tokens, mainVerb, modifiers);
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

        if ((scores.Count == 0 || scores[0].Score < _data.MinScore) && TalkAboutTheirStanding(hits, tokens, modifiers) is { } talk)
        {
            scores.Insert(0, (talk.Target, talk.Weight, talk.Weight, [talk]));
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
            // A cue too weak to place a task alone (the noun "draft", weight 1) does not make its word the step's verb ("Draft the
            // ideas, then review them" is create: the ideas are the step's work, tax23).
            var step = inStep.Where(h => h.Position <= verb && verb < h.Position + Math.Max(h.Length, 1) && h.Weight >= _data.MinScore).MaxBy(h => h.Weight)?.Target
                ?? inStep.GroupBy(h => h.Target).Select(g => (g.Key, Score: g.Sum(h => h.Weight))).Where(g => g.Score >= _data.MinScore)
                    .OrderByDescending(g => g.Score).Select(g => g.Key).FirstOrDefault();
            if (step is not null && (hardest is null || TaxonomyIds.TierOf(step) > TaxonomyIds.TierOf(hardest)))
            {
                hardest = step;
            }
        }

        return hardest;
    }

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
