using System.Diagnostics;
using AsyncCoach.Commands;
using AsyncCoach.Core.Digests;
using AsyncCoach.Digests;
using AsyncCoach.Nudges;
using AsyncCoach.Storage;
using AsyncCoach.Storage.Sqlite;
using AsyncCoach.Workspace;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Benchmarks;

/// <summary>
/// The live digest's two speed targets on databases seeded by <c>bench/digest-seed.py</c>:
/// <c>digest-build &lt;db&gt; [repeat] [zone]</c> builds the week of 2026-11-23 (in UTC or the zone) for T0BIG's lead (aggregates
/// from SQL, builder, Block Kit) repeatedly and prints wall and process CPU per build;
/// <c>digest-schedule &lt;db&gt;</c> runs one scheduling pass for every lead (the Monday 09:00
/// UTC slot of the week of 2026-11-30, plus the other zones' latest slots) and prints the CPU of
/// handing them all to the outbox.
/// </summary>
public static class DigestProbe
{
    public static async Task<int> BuildAsync(string[] args)
    {
        var (database, repeat) = (Open(args[0]), args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20);
        var composer = new DigestComposer(new DigestStore(database), new ActivityStore(database), new NormsStore(database, new PhraseFeedbackStore(database), TimeProvider.System));
        // An optional zone: a lead outside UTC has week boundaries inside UTC days (and, in Asia/Kolkata, inside hours).
        var zone = args.Length > 2 ? TimeZoneInfo.FindSystemTimeZoneById(args[2]) : TimeZoneInfo.Utc;
        var week = DigestWeek.Starting(new DateOnly(2026, 11, 23), zone);
        var setting = DigestSetting.Default("T0BIG", "U0LEAD000", week.Start);
        var wall = new List<double>();
        var cpu = new List<double>();
        var blocks = 0;
        for (var i = 0; i < repeat + 2; i++)
        {
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            var message = await composer.ComposeAsync(setting, zone, week, late: false, CancellationToken.None);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            process.Refresh();
            if (i >= 2)
            {
                wall.Add(elapsed);
                cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            }

            blocks = message.Blocks.Count;
        }

        wall.Sort();
        cpu.Sort();
        Console.WriteLine($"digest-build: {repeat} builds after 2 warm-up, {blocks} blocks; wall median {wall[wall.Count / 2]:F1} ms, p90 {wall[wall.Count * 9 / 10]:F1} ms; process CPU median {cpu[cpu.Count / 2]:F1} ms");
        return 0;
    }

    public static async Task<int> ScheduleAsync(string[] args)
    {
        var database = Open(args[0]);
        var now = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        var run = new DigestRun(
            new DigestSettingsStore(database), new NormsStore(database, new PhraseFeedbackStore(database), TimeProvider.System), new PersonSettingsStore(database, TimeProvider.System),
            new PersonZones(new OfflineWorkspaceDirectory()), new InstallationStore(database),
            new OutboxStore(database, new SqliteGroupCommit(database)), new OutboxSignal(), Options.Create(new DigestOptions()), NullLogger<DigestRun>.Instance);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var added = await run.RunAsync(now, CancellationToken.None);
        var elapsed = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        Console.WriteLine($"digest-schedule: {added} digests handed to the outbox in {elapsed.TotalSeconds:F2} s wall, {(process.TotalProcessorTime - cpuBefore).TotalSeconds:F2} s process CPU");
        return 0;
    }

    private static SqliteDatabase Open(string path) =>
        new(Options.Create(new StorageOptions { ConnectionString = $"Data Source={path}" }));
}
