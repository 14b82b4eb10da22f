using AsyncCoach.Core.Rules;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>What a probe rule does with each message's context (passed by reference, as the engine does).</summary>
internal delegate void Look(in RuleContext context);

/// <summary>
/// A rule that finds nothing and hands every message's context to <see cref="Look"/>: put last in an engine's
/// rules, it sees the context the real rules saw (the phrase book's matches, the cue words).
/// </summary>
internal sealed class Probe(Look look) : IRule
{
    public string Id => "probe";

    public Finding? Evaluate(in RuleContext context)
    {
        look(context);
        return null;
    }
}
