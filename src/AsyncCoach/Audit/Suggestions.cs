using AsyncCoach.Core.Rules;

namespace AsyncCoach.Audit;

/// <summary>What to do first, tied to an async practice.</summary>
public sealed record Suggestion(string Practice, string RuleId, string Text);

/// <summary>
/// Turns the counts into the few changes most worth making first: the rules with the highest
/// rate per 100 messages, each mapped to the async practice it serves.
/// </summary>
public static class Suggestions
{
    public const string ClearerExpectations = "clearer expectations";
    public const string FewerInterruptions = "fewer interruptions";
    public const string WritingThingsDown = "writing things down";

    public static IReadOnlyList<Suggestion> For(AuditSummary summary, int max = 3) =>
        [.. summary.FindingsPerRule
            .Where(pair => pair.Value > 0)
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => RuleIds.All.ToList().IndexOf(pair.Key))
            .Take(max)
            .Select(pair => Make(pair.Key, summary.RatePer100(pair.Value), summary))];

    private static Suggestion Make(string rule, double rate, AuditSummary summary)
    {
        var per100 = $"{rate:0.#} per 100 messages";
        return rule switch
        {
            RuleIds.MissingContext => new(WritingThingsDown, rule,
                $"Ask with context ({per100} were a bare greeting or \"got a minute?\"): greeting, context, the ask and when you need it, in one message."),
            RuleIds.HuddleInsteadOfThread => new(WritingThingsDown, rule,
                $"Default to a thread ({per100} moved a discussion to a call): write the question or the decision needed; if a call still helps, post its summary in the thread."),
            RuleIds.AfterHoursPing => new(FewerInterruptions, rule,
                $"Use scheduled send for people outside their hours ({per100}{PeakHour(summary)}); agree on working hours per person as a team norm."),
            RuleIds.BroadcastOveruse => new(FewerInterruptions, rule,
                $"Keep @channel/@here for real urgency ({per100}): mention the few people who must act instead."),
            RuleIds.MessageBurst => new(FewerInterruptions, rule,
                $"Write one complete message instead of bursts ({per100}): every message is a notification."),
            RuleIds.VagueUrgency => new(ClearerExpectations, rule,
                $"Say by when and why instead of \"asap\" ({per100}): \"by Thu 15:00 CET, because the release freezes\"."),
            _ => new(ClearerExpectations, rule, $"Review the {rule} findings ({per100})."),
        };
    }

    private static string PeakHour(AuditSummary summary)
    {
        var (bestDay, bestHour, best) = (0, 0, 0);
        for (var day = 0; day < 7; day++)
        {
            for (var hour = 0; hour < 24; hour++)
            {
                if (summary.AfterHoursGrid[day, hour] > best)
                {
                    (bestDay, bestHour, best) = (day, hour, summary.AfterHoursGrid[day, hour]);
                }
            }
        }

        return best == 0 ? "" : $"; most land on {AuditText.WeekdayNames[bestDay]} around {bestHour:00}:00 their time";
    }
}
