using System.Globalization;

namespace AsyncCoach.Core.Rules;

/// <summary>broadcast-overuse: <c>@channel</c>, <c>@everyone</c> or <c>@here</c> in a channel at or above the team's size threshold.</summary>
public sealed class BroadcastOveruseRule : IRule
{
    public string Id => RuleIds.BroadcastOveruse;

    public Finding? Evaluate(in RuleContext context)
    {
        var mentions = context.Mentions;
        if (!mentions.AnyBroadcast || context.Conversation.MemberCount < context.Norms.BroadcastThreshold || context.HasUrgentMarker)
        {
            return null;
        }

        List<string> evidence = [];
        if (mentions.Channel)
        {
            evidence.Add("@channel");
        }

        if (mentions.Everyone)
        {
            evidence.Add("@everyone");
        }

        if (mentions.Here)
        {
            evidence.Add("@here");
        }

        var suggestion = string.Create(
            CultureInfo.InvariantCulture,
            $"A broadcast interrupts everyone here ({context.Conversation.MemberCount} people). Could you post it without {evidence[0]}, or mention just the few people who need to act?");
        return context.CreateFinding(Id, evidence, suggestion);
    }
}
