namespace AsyncCoach.Core.Rules;

/// <summary>
/// One rule of RULES.md: a pure check of one message. Implementations must do no I/O, keep no
/// state between calls and never copy the message text into the finding (evidence is matched
/// phrases from the phrase lists, ids and times).
/// </summary>
/// <remarks>
/// The engine has already normalised the text, found every phrase-list match and skipped exempt
/// channels and disabled rules, so a rule only decides. Rules may be called concurrently from
/// several trackers and must therefore be thread-safe (stateless is simplest).
/// </remarks>
public interface IRule
{
    /// <summary>The stable id from <see cref="RuleIds"/>; also the <c>Finding.RuleId</c> it raises.</summary>
    string Id { get; }

    /// <summary>
    /// Judges the message in <paramref name="context"/> and returns at most one finding, or null.
    /// </summary>
    /// <param name="context">
    /// The message, its conversation, people and norms, its normalised words and phrase matches, and the
    /// conversation's recent activity. Valid only during this call: do not keep it or its spans.
    /// </param>
    Finding? Evaluate(in RuleContext context);
}
