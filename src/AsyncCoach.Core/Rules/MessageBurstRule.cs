using AsyncCoach.Core.Tracking;

namespace AsyncCoach.Core.Rules;

/// <summary>message-burst: the 4th of at least 4 consecutive short top-level messages by one author within 120 s.</summary>
public sealed class MessageBurstRule : IRule
{
    public const string Suggestion =
        "Each message is a notification for the people here. Next time, try gathering your thoughts into one complete message.";

    public string Id => RuleIds.MessageBurst;

    public Finding? Evaluate(in RuleContext context)
    {
        var message = context.Message;
        var previous = context.Activity.RecentTopLevel;
        if (message.IsThreadReply
            || message.Text.Length >= MessageBurstLimits.MaxLength
            || previous.Length < MessageBurstLimits.RunLength - 1
            || context.Activity.BurstRaised)
        {
            return null;
        }

        var run = previous[^(MessageBurstLimits.RunLength - 1)..];
        foreach (var entry in run)
        {
            if (entry.Author != message.Author || !entry.IsShort)
            {
                return null;
            }
        }

        if (context.Time - run[0].Time > MessageBurstLimits.Span)
        {
            return null;
        }

        return context.CreateFinding(Id, ["4 messages in " + (int)(context.Time - run[0].Time).TotalSeconds + " s"], Suggestion);
    }
}
