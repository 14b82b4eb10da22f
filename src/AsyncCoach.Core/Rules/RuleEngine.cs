using System.Buffers;
using System.Runtime.CompilerServices;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Norms;
using AsyncCoach.Core.Text;
using AsyncCoach.Core.Tracking;

namespace AsyncCoach.Core.Rules;

/// <summary>
/// Runs the rules over one message: normalises its text once, finds every phrase match in one
/// pass, and asks each enabled rule. Pure and thread-safe; text lives only in pooled buffers
/// for the duration of the call.
/// </summary>
public sealed class RuleEngine(PhraseBook phrases, IReadOnlyList<IRule> rules)
{
    private const int MaxMatches = 64;
    private const int StackTextLimit = 256;
    private static readonly Finding[] NoFindings = [];

    private readonly ConditionalWeakTable<IReadOnlyDictionary<string, IReadOnlyList<string>>, PhraseBook> _teamBooks = [];

    public PhraseBook Phrases { get; } = phrases;

    public IReadOnlyList<IRule> Rules { get; } = rules;

    // The same rules as an array: the per-message loop indexes it without interface calls.
    private readonly IRule[] _rules = [.. rules];

    /// <summary>The six rules of RULES.md over the embedded English phrase lists.</summary>
    public static RuleEngine CreateDefault() => new(PhraseBook.Default, DefaultRules());

    public static IReadOnlyList<IRule> DefaultRules() => DefaultRules(NakedModel.Default);

    /// <summary>The six rules, missing-context reading with <paramref name="nakedModel"/> (null: the grammars alone).</summary>
    public static IReadOnlyList<IRule> DefaultRules(NakedModel? nakedModel) => DefaultRules(nakedModel, HuddleModel.Default);

    /// <summary>The six rules, missing-context and huddle-instead-of-thread reading with these models (null: the grammars alone).</summary>
    public static IReadOnlyList<IRule> DefaultRules(NakedModel? nakedModel, HuddleModel? huddleModel) =>
    [
        new MissingContextRule(nakedModel), new HuddleInsteadOfThreadRule(huddleModel), new AfterHoursPingRule(),
        new BroadcastOveruseRule(), new MessageBurstRule(), new VagueUrgencyRule(),
    ];

    /// <summary>
    /// Every finding for <paramref name="message"/>, missing-context included (no grace window:
    /// that is the tracker's job). <paramref name="activity"/> is the conversation's recent history.
    /// </summary>
    public IReadOnlyList<Finding> Evaluate(ChatMessage message, MessageContext context, ConversationActivity? activity = null) =>
        Evaluate(message, message.Time, context, activity ?? ConversationActivity.Empty, out _);

    /// <summary>As <see cref="Evaluate(ChatMessage, MessageContext, ConversationActivity?)"/>; also says whether the text states no purpose.</summary>
    [SkipLocalsInit] // the stack buffers are written before they are read (only their filled prefixes are read): no need to zero 2.5 KB per message
    internal IReadOnlyList<Finding> Evaluate(ChatMessage message, DateTimeOffset time, MessageContext context, ConversationActivity activity, out bool naked)
    {
        naked = false;
        var norms = context.Norms;
        if (norms.ExemptChannels.Count > 0 && norms.IsExempt(message.Channel.Value))
        {
            return NoFindings;
        }

        var book = BookFor(norms.ExtraPhrases);
        var raw = message.Text.AsSpan();
        char[]? rentedChars = null;
        Word[]? rentedWords = null;
        PhraseMatch[]? rentedMatches = null;
        var chars = raw.Length <= StackTextLimit ? stackalloc char[StackTextLimit + 2] : (rentedChars = ArrayPool<char>.Shared.Rent(raw.Length + 2));
        var wordBuffer = raw.Length <= StackTextLimit ? stackalloc Word[(StackTextLimit / 2) + 2] : (rentedWords = ArrayPool<Word>.Shared.Rent((raw.Length / 2) + 2));
        var length = 0;
        try
        {
            length = MessageText.Normalize(raw, chars, out var features, out var clauseBreaks, out var gluedWords);
            var text = chars[..length];
            var words = wordBuffer[..Word.Split(text, wordBuffer)];
            // Long texts get room for every match: a truncated list could hide a deadline or a reason.
            var matchBuffer = words.Length <= MaxMatches / 2 ? stackalloc PhraseMatch[MaxMatches] : (rentedMatches = ArrayPool<PhraseMatch>.Shared.Rent(words.Length * 8));
            var count = book.Match(text, words, matchBuffer, out var mask);
            // A token inside a quote or code still notifies (docs/rules.md "Decided"), so look there too.
            var mentions = (features & (TextFeatures.UserMention | TextFeatures.Broadcast | TextFeatures.Quote | TextFeatures.Code)) != 0
                ? MessageText.ParseMentions(message.Text)
                : Mentions.None;
            var ruleContext = new RuleContext(message, context, activity, book, text, words, matchBuffer[..count], mask, features, mentions, time, clauseBreaks, gluedWords);
            naked = ruleContext.IsNaked || ruleContext.IsWithdrawal;

            List<Finding>? findings = null;
            var allEnabled = ReferenceEquals(norms.EnabledRules, TeamNorms.Default.EnabledRules);
            foreach (var rule in _rules)
            {
                if ((allEnabled || norms.IsEnabled(rule.Id)) && rule.Evaluate(ruleContext) is { } finding
                    && (norms.LearnedPhrases.Count == 0 || !norms.IsLearnedAway(finding.RuleId, finding.Evidence)))
                {
                    (findings ??= []).Add(finding);
                }
            }

            return findings is null ? NoFindings : findings;
        }
        finally
        {
            chars[..length].Clear(); // no copy of the text outlives the call, not on the stack and not in the pool
            if (rentedChars is not null)
            {
                ArrayPool<char>.Shared.Return(rentedChars);
            }

            if (rentedWords is not null)
            {
                ArrayPool<Word>.Shared.Return(rentedWords);
            }

            if (rentedMatches is not null)
            {
                ArrayPool<PhraseMatch>.Shared.Return(rentedMatches);
            }
        }
    }

    private PhraseBook BookFor(IReadOnlyDictionary<string, IReadOnlyList<string>> extra) =>
        extra.Count == 0 ? Phrases : _teamBooks.GetValue(extra, e => Phrases.With(e));
}
