using AsyncCoach.Core.Rules;

namespace AsyncCoach.Core.Digests;

/// <summary>
/// Turns a week's aggregates into a digest: rows per rule with change and trend, the privacy
/// floor (a breakdown of fewer than <see cref="DigestInput.EffectiveMinGroup"/> people is folded
/// into "other"), after-hours share and slots, nudge reception, flags and suggestions. Pure and
/// O(rules × weeks + slots): it never sees a finding, only counts.
/// </summary>
public static class DigestBuilder
{
    /// <summary>Channels listed at most.</summary>
    public const int MaxChannels = 5;

    /// <summary>Time slots listed at most.</summary>
    public const int MaxSlots = 3;

    public static Digest Build(DigestInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var floor = input.EffectiveMinGroup;
        var hasWeek = new bool[DigestInput.TrendWeeks];
        for (var w = 0; w < hasWeek.Length; w++)
        {
            hasWeek[w] = w == 0 || input.DataSince is not { } since || since <= input.WeekStart.AddDays(-7 * w);
        }

        var activity = input.ActivityWeeks.FirstOrDefault(a => a.WeeksAgo == 0);
        var belowFloor = activity is not null && activity.People < floor;
        var counts = RuleCounts(input);
        var rules = new List<DigestRule>(counts.Count);
        int otherNow = 0, otherBefore = 0, otherRules = 0;
        foreach (var (rule, weeks) in counts)
        {
            var (findings, people) = weeks[0];
            if (!belowFloor && people >= floor)
            {
                var trend = new int?[DigestInput.TrendWeeks];
                for (var w = 0; w < trend.Length; w++)
                {
                    trend[trend.Length - 1 - w] = hasWeek[w] ? weeks[w].Findings : null;
                }

                rules.Add(new DigestRule(rule, true, findings, hasWeek[1] ? weeks[1].Findings : null, people, trend));
            }
            else
            {
                rules.Add(new DigestRule(rule, false, null, null, null, null));
                otherNow += findings;
                otherBefore += weeks[1].Findings;
                otherRules += findings > 0 ? 1 : 0;
            }
        }

        var total = counts.Values.Sum(w => w[0].Findings);
        var totalBefore = counts.Values.Sum(w => w[1].Findings);
        var kind = belowFloor ? DigestKind.BelowFloor
            : total == 0 ? DigestKind.Quiet
            : !hasWeek[1] ? DigestKind.NewTeam
            : DigestKind.Full;
        var afterHours = AfterHours(input, floor, hasWeek[1], belowFloor);
        var nudges = belowFloor ? [] : Nudges(input, floor);
        return new Digest
        {
            WeekStart = input.WeekStart,
            WeekEnd = input.WeekEnd,
            MinGroup = floor,
            Kind = kind,
            Late = input.Late,
            Totals = new DigestTotals(total, hasWeek[1] ? totalBefore : null),
            Rules = rules,
            Other = new DigestOther(otherNow, hasWeek[1] ? otherBefore : null, otherRules),
            Channels = belowFloor ? [] : [.. input.Channels.Where(c => c.People >= floor && c.Findings > 0)
                .OrderByDescending(c => c.Findings).ThenBy(c => c.ChannelId, StringComparer.Ordinal).Take(MaxChannels)
                .Select(c => new DigestChannel(c.ChannelId, c.Name, c.Findings, c.People))],
            AfterHours = afterHours,
            Nudges = nudges,
            Flagged = DigestAdvice.Flag(nudges),
            Suggestions = DigestAdvice.Suggest(kind, rules, afterHours),
            Lead = input.Lead is { } lead ? new DigestLead(lead.ThisWeek, lead.LastWeek) : null,
            Footer = DigestWording.Footer(floor, belowFloor),
        };
    }

    /// <summary>Findings and people per rule and week, in RULES.md order, then unknown rules by id.</summary>
    private static SortedDictionary<string, (int Findings, int People)[]> RuleCounts(DigestInput input)
    {
        var counts = new SortedDictionary<string, (int Findings, int People)[]>(RuleOrder.Instance);
        foreach (var rule in RuleIds.All)
        {
            counts[rule] = new (int, int)[DigestInput.TrendWeeks];
        }

        foreach (var row in input.Findings)
        {
            if (row.WeeksAgo is < 0 or >= DigestInput.TrendWeeks)
            {
                continue;
            }

            if (!counts.TryGetValue(row.RuleId, out var weeks))
            {
                counts[row.RuleId] = weeks = new (int, int)[DigestInput.TrendWeeks];
            }

            // Rows for one (rule, week) add up: the live path may hand them over per channel kind.
            weeks[row.WeeksAgo] = (weeks[row.WeeksAgo].Findings + row.Findings, Math.Max(weeks[row.WeeksAgo].People, row.People));
        }

        return counts;
    }

    private static DigestAfterHours? AfterHours(DigestInput input, int floor, bool hasLastWeek, bool belowFloor)
    {
        var now = input.ActivityWeeks.FirstOrDefault(a => a.WeeksAgo == 0);
        if (now is not { Messages: > 0 })
        {
            return null;
        }

        var before = hasLastWeek ? input.ActivityWeeks.FirstOrDefault(a => a.WeeksAgo == 1) : null;
        var slots = belowFloor ? [] : input.Activity
            .Where(s => s.AfterHours > 0 && s.AfterHoursPeople >= floor)
            .OrderByDescending(s => s.AfterHours).ThenBy(s => ((int)s.Day + 6) % 7).ThenBy(s => s.Part)
            .Take(MaxSlots)
            .Select(s => new DigestSlot(s.Day, s.Part, s.AfterHours, s.Messages))
            .ToList();
        var folded = Math.Max(0, now.AfterHours - slots.Sum(s => s.AfterHours));
        return new DigestAfterHours(now.Messages, now.AfterHours, (double)now.AfterHours / now.Messages,
            before is { Messages: > 0 } ? (double)before.AfterHours / before.Messages : null, slots, folded);
    }

    private static List<DigestNudges> Nudges(DigestInput input, int floor) =>
        [.. input.Nudges.Where(n => n.Delivered > 0)
            .GroupBy(n => n.RuleId, StringComparer.Ordinal)
            .Select(g => new RuleNudges(g.Key, g.Sum(n => n.Delivered), g.Sum(n => n.Thanks), g.Sum(n => n.NotHelpful), g.Max(n => n.People)))
            .OrderBy(n => n.RuleId, RuleOrder.Instance)
            .Select(n => n.People >= floor
                ? new DigestNudges(n.RuleId, true, n.Delivered, n.Thanks, n.NotHelpful)
                : new DigestNudges(n.RuleId, false, null, null, null))];

    /// <summary>RULES.md order for known rules, then the rest by id.</summary>
    internal sealed class RuleOrder : IComparer<string?>
    {
        public static RuleOrder Instance { get; } = new();

        public int Compare(string? x, string? y)
        {
            var ix = Index(x);
            var iy = Index(y);
            return ix != iy ? ix.CompareTo(iy) : string.CompareOrdinal(x, y);
        }

        private static int Index(string? id)
        {
            for (var i = 0; i < RuleIds.All.Count; i++)
            {
                if (string.Equals(RuleIds.All[i], id, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return int.MaxValue;
        }
    }
}
