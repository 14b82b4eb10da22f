using AsyncCoach.Core.Model;
using AsyncCoach.Core.Norms;
using AsyncCoach.Core.Text;
using AsyncCoach.Core.Tracking;

namespace AsyncCoach.Core.Rules;

/// <summary>
/// Everything a rule may look at for one message. A ref struct over buffers that live only while
/// the engine evaluates the message, so nothing a rule sees can outlive it.
/// </summary>
public readonly ref struct RuleContext
{
    internal RuleContext(
        ChatMessage message,
        MessageContext context,
        ConversationActivity activity,
        PhraseBook phrases,
        ReadOnlySpan<char> text,
        ReadOnlySpan<Word> words,
        ReadOnlySpan<PhraseMatch> matches,
        int listMask,
        TextFeatures features,
        Mentions mentions,
        DateTimeOffset time,
        ulong clauseBreaks = 0,
        ulong gluedWords = 0)
    {
        ClauseBreaks = clauseBreaks;
        GluedWords = gluedWords;
        Time = time;
        IsNaked = false;
        Message = message;
        Context = context;
        Activity = activity;
        Phrases = phrases;
        Text = text;
        Words = words;
        Matches = matches;
        ListMask = listMask;
        Features = features;
        Mentions = mentions;
        AbsentCues = WordCues.Absent(text, words);
        IsNaked = MissingContextRule.IsNaked(this);
    }

    public ChatMessage Message { get; }

    /// <summary>The message's event time (its ts), parsed once.</summary>
    public DateTimeOffset Time { get; }

    public MessageContext Context { get; }

    public TeamNorms Norms => Context.Norms;

    public Conversation Conversation => Context.Conversation;

    public ConversationActivity Activity { get; }

    public PhraseBook Phrases { get; }

    /// <summary>The normalised text (see <see cref="MessageText"/>).</summary>
    public ReadOnlySpan<char> Text { get; }

    public ReadOnlySpan<Word> Words { get; }

    /// <summary>Every phrase-list occurrence, in word order (all overlapping matches included).</summary>
    public ReadOnlySpan<PhraseMatch> Matches { get; }

    /// <summary>Bit <c>i</c> set when list <c>PhraseLists.All[i]</c> matched.</summary>
    public int ListMask { get; }

    public TextFeatures Features { get; }

    public Mentions Mentions { get; }

    /// <summary>Bit <c>w</c> set when a clause mark (<c>. , ; ! ?</c>, new line) comes right before word <c>w</c>.</summary>
    public ulong ClauseBreaks { get; }

    /// <summary>Bit <c>w</c> set when word <c>w</c> is glued to a neighbour by <c>_ - . /</c> ("Invoice_March.zip"): part of a name.</summary>
    public ulong GluedWords { get; }

    public bool IsGlued(int word) => word < 64 && (GluedWords & (1UL << word)) != 0;

    /// <summary>
    /// The message starts by withdrawing an earlier ask ("nvm", "never mind, found it"): it states no
    /// purpose, so as a follow-up it does not complete a naked message (docs/rules.md "Decided").
    /// </summary>
    public bool IsWithdrawal
    {
        get
        {
            foreach (var match in Matches)
            {
                if (match.Start > 0)
                {
                    return false;
                }

                if (match.List == PhraseLists.WithdrawalIndex)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Whether a clause mark separates word <paramref name="first"/> from the later word <paramref name="last"/>.</summary>
    public bool ClauseBreakBetween(int first, int last)
    {
        for (var w = first + 1; w <= last && w < 64; w++)
        {
            if ((ClauseBreaks & (1UL << w)) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first word of the clause word <paramref name="at"/> is in (no clause mark between them).</summary>
    public int ClauseStart(int at)
    {
        var start = at;
        while (start > 0 && !ClauseBreakBetween(start - 1, start))
        {
            start--;
        }

        return start;
    }

    /// <summary>One past the last word of the clause word <paramref name="at"/> is in.</summary>
    public int ClauseEnd(int at)
    {
        var end = at + 1;
        while (end < Words.Length && !ClauseBreakBetween(end - 1, end))
        {
            end++;
        }

        return end;
    }

    /// <summary>The <see cref="WordCues"/> bits of the grammars whose cue words this message lacks: those grammars are not consulted.</summary>
    internal ulong AbsentCues { get; }

    /// <summary>The text states no purpose (see <see cref="MissingContextRule.IsNaked"/>); computed once.</summary>
    public bool IsNaked { get; }

    /// <summary>RULES.md's addressed message: top-level, and in a DM/group DM or mentioning someone or the channel.</summary>
    public bool IsAddressed => !Message.IsThreadReply && (Message.Kind.IsDirect() || Mentions.Any);

    /// <summary>The team's urgent marker: a marker text anywhere, or a marker word first (after leading mentions).</summary>
    public bool HasUrgentMarker
    {
        get
        {
            var raw = Message.Text.AsSpan();
            var contains = Norms.UrgentMarkersContains;
            for (var i = 0; i < contains.Count; i++)
            {
                if (raw.Contains(contains[i], StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            var prefixes = Norms.UrgentMarkersPrefixes;
            for (var i = 0; i < prefixes.Count; i++)
            {
                if (MessageText.StartsWithWord(raw, prefixes[i]))
                {
                    return true;
                }
            }

            return false;
        }
    }

    public bool Has(int list) => (ListMask & (1 << list)) != 0;

    public ReadOnlySpan<char> WordAt(int index) => Words[index].Of(Text);

    /// <summary>The phrases of <paramref name="list"/> that matched, longest per overlap, as evidence.</summary>
    public IReadOnlyList<string> Evidence(int list)
    {
        var evidence = new List<string>();
        for (var i = 0; i < Matches.Length; i++)
        {
            var m = Matches[i];
            if (m.List == list && !IsInsideLonger(m, list))
            {
                var text = Phrases.PhraseText(m.PhraseId);
                if (!evidence.Contains(text))
                {
                    evidence.Add(text);
                }
            }
        }

        return evidence;
    }

    public Finding CreateFinding(string ruleId, IReadOnlyList<string> evidence, string suggestion) =>
        new(ruleId, Message.Team, Message.Channel, Message.Ts, Message.ThreadTs, Message.Author, Time, evidence, suggestion);

    /// <summary>A finding that names the recipients reached outside their hours (one object, not a copy made by <c>with</c>).</summary>
    public Finding CreateFinding(string ruleId, IReadOnlyList<string> evidence, string suggestion, IReadOnlyList<RecipientTime> offHoursRecipients) =>
        new(ruleId, Message.Team, Message.Channel, Message.Ts, Message.ThreadTs, Message.Author, Time, evidence, suggestion)
        {
            OffHoursRecipients = offHoursRecipients,
        };

    private bool IsInsideLonger(PhraseMatch match, int list)
    {
        foreach (var other in Matches)
        {
            if (other.List == list && other.Length > match.Length && other.Start <= match.Start && other.End >= match.End)
            {
                return true;
            }
        }

        return false;
    }
}
