using System.Globalization;
using AsyncCoach.Tests.Audit;

namespace AsyncCoach.Tests.Digests;

/// <summary>
/// An export of five weeks (Monday 2026-02-09 to Sunday 2026-03-15) for a team of 25 in Berlin:
/// in #general eight people ask for things "asap" every weekday morning, one person sends an
/// @channel each Monday, and in #eng three people say a bare "hi" to U0001; the lead (U0000) pings U0001 at
/// 22:30 Berlin time in a DM every Tuesday.
/// </summary>
internal static class DigestExport
{
    public const string Lead = "U0000";
    public static readonly DateOnly FirstMonday = new(2026, 2, 9);

    public static ExportBuilder Build()
    {
        var people = Enumerable.Range(0, 25).Select(i => $"U{i:D4}").ToList();
        var users = "[" + string.Join(",", people.Select(p => $$"""{"id": "{{p}}", "team_id": "T0DIGEST", "name": "{{p.ToLowerInvariant()}}", "tz": "Europe/Berlin"}""")) + "]";
        var members = string.Join(",", people.Select(p => $"\"{p}\""));
        var export = new ExportBuilder()
            .File("users.json", users)
            .File("channels.json", $$"""
                [
                  {"id": "C0GENERAL", "name": "general", "members": [{{members}}]},
                  {"id": "C0ENG0001", "name": "eng", "members": ["U0001", "U0002", "U0003", "U0004"]}
                ]
                """)
            .File("dms.json", """[{"id": "D0LEAD001", "members": ["U0000", "U0001"]}]""");
        var files = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string folder, DateTimeOffset at, string user, string text)
        {
            var path = $"{folder}/{at.UtcDateTime:yyyy-MM-dd}.json";
            if (!files.TryGetValue(path, out var list))
            {
                files[path] = list = [];
            }

            var ts = string.Create(CultureInfo.InvariantCulture, $"{at.ToUnixTimeSeconds()}.{list.Count:D6}");
            list.Add($$"""{"type": "message", "user": "{{user}}", "text": "{{text}}", "ts": "{{ts}}"}""");
        }

        for (var day = 0; day < 35; day++)
        {
            var date = FirstMonday.AddDays(day);
            var morning = new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            // More people each week: the trend rises.
            var askers = 4 + (day / 7);
            for (var p = 1; p <= askers; p++)
            {
                Add("general", morning.AddMinutes(p * 7), people[p], "need the quarterly numbers asap");
                Add("general", morning.AddMinutes((p * 7) + 3), people[p], "thanks, that is all I needed for the planning doc today");
            }

            if (date.DayOfWeek == DayOfWeek.Monday)
            {
                Add("general", morning.AddHours(2), people[20], "<!channel> the coffee machine is fixed");
            }

            for (var p = 2; p <= 4; p++)
            {
                Add("eng", morning.AddHours(3).AddMinutes(p * 20), people[p], "<@U0001> hi");
            }

            if (date.DayOfWeek == DayOfWeek.Tuesday)
            {
                Add("D0LEAD001", morning.AddHours(12.5), Lead, "can you review PR 42 tomorrow?");
            }
        }

        foreach (var (path, lines) in files)
        {
            export.File(path, "[\n" + string.Join(",\n", lines) + "\n]");
        }

        return export;
    }
}
