namespace AsyncCoach.Core.Rules;

/// <summary>
/// What the call grammar read in a message, as features for <see cref="HuddleModel"/>: the acts it
/// found (a proposal, a request phrase, a bare call) and the reasons it would not fire (a reason for
/// a call, a declined or scheduled call, an outage).
/// </summary>
[Flags]
internal enum HuddleSignals
{
    None = 0,

    /// <summary>The grammar's own answer before its vetoes: a call is proposed.</summary>
    Proposes = 1,

    /// <summary>A call-request phrase that proposes (not one naming a meeting).</summary>
    Request = 2,

    /// <summary>A verb of meeting followed by a live medium ("let's do a call").</summary>
    VerbNoun = 4,

    /// <summary>A call word alone, or a medium with only haste around it ("quick zoom?").</summary>
    BareCall = 8,

    /// <summary>Someone called, a duration on a medium, a medium soon.</summary>
    Shape = 16,

    /// <summary>A proposal read by the call grammar (ring, free to call, meet up, pull in, connect).</summary>
    Grammar = 32,

    /// <summary>A reason that justifies a call (outage, tension, a first-day welcome…).</summary>
    Reason = 64,

    /// <summary>A call declined ("no need for a call").</summary>
    Declined = 128,

    /// <summary>A standing meeting only named ("at standup").</summary>
    Scheduled = 256,

    /// <summary>Something broken now ("the scanner won't turn on").</summary>
    Failure = 512,

    /// <summary>
    /// Every call word is someone else's or no proposal: negated or in the past ("let's not hop on a
    /// call", "we had a huddle"), wanted by someone else, naming a meeting or a thing ("a call from…").
    /// </summary>
    Covered = 1024,

    /// <summary>A live medium asked about in a clause with no English function word ("chamada rápida?", "kuvugana kuri telefoni?": huddle22).</summary>
    MediumAsked = 2048,

    /// <summary>A joint act proposed with a word for "together" in any language ("revisamos juntos", "we go through it together": huddle23).</summary>
    Together = 4096,

    /// <summary>Any of the vetoes (and, read in the rule, a call reported in the past: huddle20b).</summary>
    Vetoes = Reason | Declined | Scheduled | Failure,

    /// <summary>What the grammar is sure of: the model never adds a finding against these.</summary>
    SureNot = Vetoes | Covered,
}

/// <summary>The kinds of feature <see cref="HuddleModel"/> reads (stored with its weights; the trainer's ablations leave some out).</summary>
[Flags]
public enum HuddleFeatureSet
{
    None = 0,

    /// <summary>Each word.</summary>
    Words = 1,

    /// <summary>Each pair of adjacent words.</summary>
    Pairs = 2,

    /// <summary>The two words before and after each call word, by position, and a negation before it.</summary>
    Around = 4,

    /// <summary>3- and 4-letter runs.</summary>
    Letters = 8,

    /// <summary>What the call grammar and the phrase lists found.</summary>
    Signals = 16,

    /// <summary>The message's shape: kind, question, mention, quote, code, link, length, a past tense, a word of now.</summary>
    Shape = 32,

    /// <summary>What the clause of each call word does (huddle21): how it opens (a proposal, an imperative, a subject reporting, a condition) and a condition in it.</summary>
    Acts = 64,

    All = Words | Pairs | Around | Letters | Signals | Shape | Acts,
}
