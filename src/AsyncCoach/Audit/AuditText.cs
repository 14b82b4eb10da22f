using System.Globalization;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;

namespace AsyncCoach.Audit;

/// <summary>The <c>text</c> format: a report a team lead can read in a minute.</summary>
public static class AuditText
{
    public static IReadOnlyList<string> WeekdayNames { get; } = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    public static void Write(TextWriter w, AuditSummary s, IReadOnlyDictionary<UserId, Person> people)
    {
        var c = CultureInfo.InvariantCulture;
        w.WriteLine($"AsyncCoach audit of {s.Source}");
        w.WriteLine();
        w.WriteLine(s.First is { } first && s.Last is { } last
            ? $"Period:   {first.UtcDateTime.ToString("yyyy-MM-dd HH:mm", c)} to {last.UtcDateTime.ToString("yyyy-MM-dd HH:mm", c)} UTC (first and last message audited)"
            : "Period:   no human messages in the audited period");
        if (s.RequestedFrom is not null || s.RequestedTo is not null)
        {
            w.WriteLine($"Limited:  {Day(s.RequestedFrom, "start")} to {Day(s.RequestedTo, "end")} (--from/--to)");
        }

        w.WriteLine($"Covered:  {s.MessagesEvaluated.ToString("N0", c)} messages by {s.PeopleCovered.ToString("N0", c)} people in {s.ConversationsAudited.ToString("N0", c)} conversations");
        w.WriteLine($"          ({s.MessagesRead.ToString("N0", c)} read; {s.SkippedBotOrSystem.ToString("N0", c)} bot or system messages skipped; {s.SkippedOutsidePeriod.ToString("N0", c)} outside the period)");
        w.WriteLine();

        w.WriteLine("Findings per rule                count   per 100 messages");
        foreach (var rule in RuleIds.All)
        {
            var count = s.FindingsPerRule.GetValueOrDefault(rule);
            w.WriteLine($"  {rule,-28} {count,7}   {s.RatePer100(count).ToString("0.00", c),8}");
        }

        w.WriteLine($"  {"all rules",-28} {s.FindingCount,7}   {s.RatePer100(s.FindingCount).ToString("0.00", c),8}");
        w.WriteLine();

        WriteGrid(w, s);
        w.WriteLine();

        w.WriteLine("Conversations with most findings");
        var any = false;
        foreach (var top in s.TopConversations(5))
        {
            any = true;
            var rules = string.Join(", ", top.PerRule.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
            w.WriteLine($"  {Name(top.Conversation, people),-40} {top.Findings,6}   {rules}");
        }

        if (!any)
        {
            w.WriteLine("  none");
        }

        w.WriteLine();
        w.WriteLine("What to do first");
        var suggestions = Suggestions.For(s);
        for (var i = 0; i < suggestions.Count; i++)
        {
            w.WriteLine($"  {i + 1}. [{suggestions[i].Practice}] {suggestions[i].Text}");
        }

        if (suggestions.Count == 0)
        {
            w.WriteLine(s.MessagesEvaluated == 0
                ? "  Nothing to judge yet: the export holds no human messages in this period."
                : "  No findings. Keep writing things down, setting clear expectations and sparing interruptions; write your norms down so newcomers follow them.");
        }

        if (s.Warnings.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("Warnings");
            foreach (var warning in s.Warnings)
            {
                w.WriteLine($"  {warning}");
            }
        }
    }

    private static void WriteGrid(TextWriter w, AuditSummary s)
    {
        // Cells are 4 characters wide; a busy export is shown in tens, hundreds… so columns stay aligned.
        var max = s.AfterHoursGrid.Cast<int>().Max();
        var scale = 1;
        while (max / scale > 999)
        {
            scale *= 10;
        }

        w.WriteLine(scale == 1
            ? "After-hours pings by the recipient's local time (weekday x hour)"
            : $"After-hours pings by the recipient's local time (weekday x hour), in units of {scale.ToString("N0", CultureInfo.InvariantCulture)}");
        w.Write("     ");
        for (var hour = 0; hour < 24; hour++)
        {
            w.Write($"{hour,4:00}");
        }

        w.WriteLine();
        for (var day = 0; day < 7; day++)
        {
            w.Write($"  {WeekdayNames[day]}");
            for (var hour = 0; hour < 24; hour++)
            {
                var n = s.AfterHoursGrid[day, hour];
                w.Write(n == 0 ? "   ." : Math.Max(1, (int)Math.Round((double)n / scale)).ToString(CultureInfo.InvariantCulture).PadLeft(4));
            }

            w.WriteLine();
        }
    }

    private static string Day(DateTimeOffset? time, string open) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : open;

    private static string Name(Conversation conversation, IReadOnlyDictionary<UserId, Person> people) => conversation.Kind switch
    {
        ConversationKind.Channel or ConversationKind.Group => $"#{conversation.Name ?? conversation.Id.Value} ({conversation.Id})",
        ConversationKind.Im => $"DM {string.Join("+", conversation.Members.Select(m => people.GetValueOrDefault(m)?.DisplayName ?? m.Value))} ({conversation.Id})",
        _ => $"{conversation.Name ?? "group DM"} ({conversation.Id})",
    };
}
