using AsyncCoach.Core.Rules;
using AsyncCoach.Pipeline;
using AsyncCoach.Storage;

namespace AsyncCoach.Commands;

/// <summary><c>/async stats</c>: the person's own findings over the last four weeks, by rule, and how their nudges landed. Only they see it.</summary>
public sealed class StatsSubcommand(IFindingStore findings, INudgeHistory nudges, TimeProvider time)
{
    public static readonly TimeSpan Period = TimeSpan.FromDays(28);

    public async Task<CommandReply> HandleAsync(string teamId, string userId, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - Period;
        var counts = await findings.CountByRuleAsync(teamId, userId, since, cancellationToken);
        var summary = await nudges.SummarizeAsync(teamId, userId, since, cancellationToken);
        var lines = new List<string> { "*Your last 4 weeks* (only you can see this)" };
        var known = RuleIds.All.Where(counts.ContainsKey).Concat(counts.Keys.Where(k => !RuleIds.IsKnown(k)).Order(StringComparer.Ordinal));
        lines.AddRange(known.Select(rule => $"• {rule}: {counts[rule]}"));
        if (counts.Count == 0)
        {
            lines.Add("• No findings at all. Nice.");
        }

        lines.Add(summary.Sent == 0
            ? "Nudges: none sent to you."
            : $"Nudges: {summary.Sent} sent; you found {summary.Thanks} helpful and {summary.NotHelpful} not helpful, snoozed {summary.Snoozed}; {summary.Expired} expired before they reached you.");
        return CommandReply.Ephemeral(string.Join('\n', lines));
    }
}
