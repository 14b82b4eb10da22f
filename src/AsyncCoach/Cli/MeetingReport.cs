using System.Globalization;
using System.Text;
using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Cli;

/// <summary>
/// The text report of `classify --file`: one plain table per recommended mode, then a one-line
/// summary. Plain text on purpose, so the output is the same on a terminal, in a pipe and in tests.
/// </summary>
internal static class MeetingReport
{
    private static readonly string[] Groups = [TaxonomyIds.Async, TaxonomyIds.Blended, TaxonomyIds.Sync, TaxonomyIds.Unclear];

    public static string Render(IReadOnlyList<(int Line, string Task, Classification Result)> rows)
    {
        var text = new StringBuilder();
        foreach (var group in Groups)
        {
            var members = rows.Where(r => (r.Result.Mode ?? TaxonomyIds.Unclear) == group).ToList();
            if (members.Count == 0)
            {
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"{group.ToUpperInvariant()} ({members.Count})\n");
            var cells = members.Select(r => new[]
            {
                r.Line.ToString(CultureInfo.InvariantCulture),
                r.Result.Tier is { } tier ? $"{tier} {r.Result.Id}" : r.Result.Id,
                r.Result.Modifiers.Count == 0 ? "-" : string.Join(",", r.Result.Modifiers),
                r.Task,
            }).ToList();
            string[] header = ["line", "tier", "modifiers", "task"];
            var widths = Enumerable.Range(0, header.Length - 1).Select(i => cells.Select(c => c[i].Length).Append(header[i].Length).Max()).ToArray();
            foreach (var row in cells.Prepend(header))
            {
                text.Append("  ");
                for (var i = 0; i < widths.Length; i++)
                {
                    text.Append(row[i].PadRight(widths[i] + 2));
                }

                text.Append(row[^1]).Append('\n');
            }

            text.Append('\n');
        }

        text.Append(Summary(rows)).Append('\n');
        return text.ToString();
    }

    public static string Summary(IReadOnlyList<(int Line, string Task, Classification Result)> rows)
    {
        int Count(string mode) => rows.Count(r => r.Result.Mode == mode);
        var total = rows.Count;
        var noun = total == 1 ? "recurring meeting" : "recurring meetings";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Count(TaxonomyIds.Async)} of {total} {noun} could be async (recommended mode async); {Count(TaxonomyIds.Blended)} blended, {Count(TaxonomyIds.Sync)} sync, {rows.Count(r => r.Result.IsUnclear)} unclear.");
    }
}
