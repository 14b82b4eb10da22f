namespace AsyncCoach.Core.Rules;

/// <summary>huddle-instead-of-thread: proposes moving the discussion to a live call now, without a reason that needs one.</summary>
public sealed class HuddleInsteadOfThreadRule : IRule
{
    public const string Suggestion =
        "Could this be a thread? Write down the question or the decision you need, so people can answer when they're free. " +
        "If it still needs a call, post a short summary in the thread afterwards.";

    public string Id => RuleIds.HuddleInsteadOfThread;

    public Finding? Evaluate(in RuleContext context)
    {
        // Asking someone over in person is a live talk too, but only with a topic: "can I steal you
        // for a sec?" alone is an availability check (missing-context), like "can we talk?".
        var proposes = context.Has(PhraseLists.CallRequestIndex) || (context.Has(PhraseLists.InPersonIndex) && !context.IsNaked);
        if (!proposes
            || context.Has(PhraseLists.CallReasonIndex)
            || context.Has(PhraseLists.CallDeclinedIndex)
            || context.Has(PhraseLists.ScheduledMeetingIndex))
        {
            return null;
        }

        var evidence = context.Evidence(PhraseLists.CallRequestIndex);
        return context.CreateFinding(Id, evidence.Count > 0 ? evidence : context.Evidence(PhraseLists.InPersonIndex), Suggestion);
    }
}
