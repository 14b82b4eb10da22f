using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using AsyncCoach.Storage;
using AsyncCoach.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

using static AsyncCoach.Benchmarks.ProbeOptions;

namespace AsyncCoach.Benchmarks;

/// <summary>
/// <c>outbox-db-cpu [--rows 250] [--teams 20] [--rounds 3] [--sends 8] [--hop true] [--wake-delay 10] [--checkpoint 1|0] [--perf true] [--db PATH] [--keep DIR] [--sql TEXT]</c>:
/// the outbox's database work alone, no HTTP (issue #17's floor). Each round writes <c>rows</c>
/// pending nudges per team (outside the measured window), then drains them through the service's
/// own <see cref="OutboxStore"/> and <see cref="SqliteGroupCommit"/> as the sender does: a round
/// reads what is due (at most 100, teams with a full lane passed over), claims it in one
/// group-committed write, and hands the rows to per-team lanes of <c>sends</c> workers that end
/// each row as sent (<see cref="OutboxStore.EndAsync"/>, the join-window write) after one
/// thread-pool hop where the HTTP answer would be (<c>--hop false</c>: none); a round wakes when a
/// lane is half free, after <c>--wake-delay</c> ms (the service's <c>Nudges:WakeDelay</c>). The
/// background checkpoint runs every second as in the service (<c>--checkpoint 0</c>: off, the log
/// emptied before each drain, whose frames are then counted; <c>--keep DIR</c> copies the file and
/// the last drain's log there for <c>bench/wal-pages.py</c>). Prints per message the CPU, bytes
/// allocated, WAL frames (checkpoint off) and, with <c>--perf true</c>, system calls by kind and
/// context switches from <c>perf stat</c> on this process over the drain only. <c>--sql</c> runs after
/// the migrations (a schema change compared without a rebuild, e.g. an index as it was).
/// </summary>
public static class OutboxDbProbe
{
    private const int BatchSize = 100;
    private const int Depth = 4;

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = IntOption(args, "--rows", 250);
        var teams = IntOption(args, "--teams", 20);
        var rounds = IntOption(args, "--rounds", 3);
        var sends = IntOption(args, "--sends", 8);
        var hop = Option(args, "--hop") != "false";
        var checkpoint = Option(args, "--checkpoint") != "0";
        var perf = Option(args, "--perf") == "true";
        var wakeDelay = TimeSpan.FromMilliseconds(IntOption(args, "--wake-delay", 10));
        var keep = Option(args, "--keep");
        var path = Option(args, "--db") ?? $"/tmp/outbox-db-{Environment.ProcessId}.db";
        Delete(path);
        try
        {
            var options = Options.Create(new StorageOptions { ConnectionString = $"Data Source={path}" });
            using var database = new SqliteDatabase(options);
            await new SqliteMigrator(database).MigrateAsync(CancellationToken.None);
            if (Option(args, "--sql") is { } sql)
            {
                await using var connection = await database.OpenAsync(CancellationToken.None);
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                await command.ExecuteNonQueryAsync();
            }

            await using var groupCommit = new SqliteGroupCommit(database);
            var store = new OutboxStore(database, groupCommit);
            using var stop = new CancellationTokenSource();
            var checkpointer = checkpoint ? CheckpointAsync(database, stop.Token) : Task.CompletedTask;

            // Warm-up round (JIT, pools, pages), not printed.
            await SeedAsync(database, rows, teams, 0);
            await DrainAsync(store, teams, sends, hop, wakeDelay);
            Console.WriteLine($"load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
            var figures = new List<double>();
            for (var round = 1; round <= rounds; round++)
            {
                await SeedAsync(database, rows, teams, round);
                var messages = rows * teams;
                if (!checkpoint)
                {
                    await EmptyLogAsync(database);
                }

                using var counter = perf ? PerfStat.Start() : null;
                var process = Process.GetCurrentProcess();
                var cpu = process.TotalProcessorTime;
                var bytes = GC.GetTotalAllocatedBytes(precise: true);
                var wall = Stopwatch.StartNew();
                await DrainAsync(store, teams, sends, hop, wakeDelay);
                wall.Stop();
                process.Refresh();
                var micros = (process.TotalProcessorTime - cpu).TotalMicroseconds / messages;
                var allocated = (GC.GetTotalAllocatedBytes(precise: true) - bytes) / (double)messages;
                var counts = counter?.Stop(messages) ?? "";
                var frames = checkpoint ? "" : string.Create(CultureInfo.InvariantCulture, $", WAL frames {WalFrames(path) / (double)messages:F2}");
                figures.Add(micros);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round}: {messages} rows in {wall.Elapsed.TotalSeconds:F2} s: {micros:F1} µs CPU, {allocated:N0} B per message{frames}{counts}; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
            }

            if (keep is not null && !checkpoint)
            {
                Directory.CreateDirectory(keep);
                // The file with its log (same page numbers), and the log alone: opening the copy may checkpoint it away.
                File.Copy(path + "-wal", Path.Combine(keep, "outbox.db-wal.copy"), overwrite: true);
                File.Copy(path + "-wal", Path.Combine(keep, "outbox.db-wal"), overwrite: true);
                File.Copy(path, Path.Combine(keep, "outbox.db"), overwrite: true);
            }

            figures.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median {figures[figures.Count / 2]:F1} µs CPU per message (min {figures[0]:F1}, max {figures[^1]:F1})"));
            Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
            await stop.CancelAsync();
            await checkpointer;
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Delete(path);
        }
    }

    // The sender's shape without its policy: rounds of due rows claimed in one write, lanes of
    // `sends` workers per team holding at most sends × Depth rows, a round whenever a lane is at
    // most half full (OutboxLane.Free), each row ended as sent through the join-window write.
    private static async Task DrainAsync(OutboxStore store, int teams, int sends, bool hop, TimeSpan wakeDelay)
    {
        var lanes = new Dictionary<string, Lane>(StringComparer.Ordinal);
        var wake = new SemaphoreSlim(0);
        while (true)
        {
            var now = DateTimeOffset.UtcNow;
            var busy = lanes.Where(l => l.Value.Free == 0).Select(l => l.Key).ToList();
            var (due, _) = await store.DueAsync(now, BatchSize, busy, CancellationToken.None);
            if (due.Count == 0 && lanes.Values.All(l => l.Count == 0))
            {
                break;
            }

            var free = new Dictionary<string, int>(StringComparer.Ordinal);
            var claim = new List<long>();
            foreach (var row in due)
            {
                if (!lanes.TryGetValue(row.TeamId, out var lane))
                {
                    lanes[row.TeamId] = lane = new Lane(store, sends, hop, wake);
                }

                var slots = free.TryGetValue(row.TeamId, out var s) ? s : lane.Free;
                if (slots > 0)
                {
                    free[row.TeamId] = slots - 1;
                    claim.Add(row.Id);
                }
            }

            foreach (var row in await store.ClaimAsync(claim, CancellationToken.None))
            {
                lanes[row.TeamId].Enqueue(row);
            }

            // Until a lane takes more again (or everything has ended).
            if (await wake.WaitAsync(TimeSpan.FromMilliseconds(250)) && wakeDelay > TimeSpan.Zero)
            {
                await Task.Delay(wakeDelay);
            }

            while (wake.CurrentCount > 0)
            {
                await wake.WaitAsync();
            }
        }

        foreach (var lane in lanes.Values)
        {
            await lane.CloseAsync();
        }
    }

    private sealed class Lane
    {
        private readonly Channel<OutboxRow> _queue = Channel.CreateUnbounded<OutboxRow>();
        private readonly OutboxStore _store;
        private readonly bool _hop;
        private readonly SemaphoreSlim _wake;
        private readonly int _sends;
        private readonly Task _workers;
        private int _count;

        public Lane(OutboxStore store, int sends, bool hop, SemaphoreSlim wake)
        {
            _store = store;
            _sends = sends;
            _hop = hop;
            _wake = wake;
            _workers = Task.WhenAll(Enumerable.Range(0, sends).Select(_ => Task.Run(RunAsync)));
        }

        public int Count => Volatile.Read(ref _count);

        public int Free
        {
            get
            {
                var free = _sends * Depth - Count;
                return free * 2 >= _sends * Depth ? free : 0;
            }
        }

        public void Enqueue(OutboxRow row)
        {
            Interlocked.Increment(ref _count);
            _queue.Writer.TryWrite(row);
        }

        public Task CloseAsync()
        {
            _queue.Writer.TryComplete();
            return _workers;
        }

        private async Task RunAsync()
        {
            while (await _queue.Reader.WaitToReadAsync())
            {
                if (!_queue.Reader.TryRead(out var row))
                {
                    continue;
                }

                if (_hop)
                {
                    // Where the HTTP answer comes back on a pool thread.
                    await Task.Yield();
                }

                await _store.EndAsync(row.Id, IOutboxStore.Sent, null, "ok", DateTimeOffset.UtcNow, CancellationToken.None);
                Interlocked.Decrement(ref _count);
                if (Free > 0)
                {
                    _wake.Release();
                }
            }
        }
    }

    private static async Task CheckpointAsync(SqliteDatabase database, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await WalCheckpointer.CheckpointAsync(database, WalCheckpointer.RestartAtFrames, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Done.
        }
    }

    // As bench/outbox-drain.sh seeds: interleaved across teams, one rule each, due a second ago.
    private static async Task SeedAsync(SqliteDatabase database, int rows, int teams, int batch)
    {
        const string content = """{"text":"A quick async tip about your last message","paragraphs":[{"rule_id":"vague-urgency","markdown":"*\u201Casap\u201D doesn't say by when.* A date and time lets people plan around it."}],"why":"Vague urgency makes everyone drop what they are doing."}""";
        var now = DateTimeOffset.UtcNow;
        var baseTs = now.ToUnixTimeSeconds() - 100_000 + batch * 10_000;
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO nudges (team_id, channel_id, message_ts, thread_ts, author_id, delivery, content_json, state, attempts,
                                next_attempt_at, expires_at, day_start, created_at)
            VALUES ($team, 'C0LOAD', $ts, NULL, $author, 'Ephemeral', $content, 'pending', 0, $due, $expires, $day, $due)
            RETURNING id;
            """;
        await using var rule = connection.CreateCommand();
        rule.Transaction = transaction;
        rule.CommandText = "INSERT INTO nudge_rules (nudge_id, rule_id) VALUES ($id, 'vague-urgency')";
        var team = insert.Parameters.Add("$team", SqliteType.Text);
        var ts = insert.Parameters.Add("$ts", SqliteType.Text);
        var author = insert.Parameters.Add("$author", SqliteType.Text);
        insert.Parameters.AddWithValue("$content", content);
        insert.Parameters.AddWithValue("$due", StoredInstant.Format(now.AddSeconds(-1)));
        insert.Parameters.AddWithValue("$expires", StoredInstant.Format(now.AddHours(1)));
        insert.Parameters.AddWithValue("$day", StoredInstant.Format(now.AddHours(-10)));
        var id = rule.Parameters.Add("$id", SqliteType.Integer);
        for (var i = 0; i < rows; i++)
        {
            for (var k = 0; k < teams; k++)
            {
                team.Value = $"T{k}LOAD";
                ts.Value = string.Create(CultureInfo.InvariantCulture, $"{baseTs + i}.{k:D6}");
                author.Value = string.Create(CultureInfo.InvariantCulture, $"U{i % 50:D7}");
                id.Value = (long)(await insert.ExecuteScalarAsync())!;
                await rule.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
    }

    private static async Task EmptyLogAsync(SqliteDatabase database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await command.ExecuteNonQueryAsync();
    }

    // Frames in the write-ahead log from its size (header 32 bytes, each frame 24 + a page).
    private static long WalFrames(string path)
    {
        var wal = new FileInfo(path + "-wal");
        return wal.Exists ? Math.Max(0, (wal.Length - 32) / (24 + 4096)) : 0;
    }

    private static void Delete(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }

    /// <summary><c>perf stat</c> on this process: system calls by kind and context switches over a window.</summary>
    private sealed class PerfStat : IDisposable
    {
        private static readonly string[] Kinds =
            ["futex", "pwrite64", "pread64", "fcntl", "epoll_wait", "read", "write", "sendto", "recvfrom", "mmap", "munmap", "madvise", "mprotect", "sched_yield", "fdatasync", "fsync"];

        private readonly Process _perf;
        private readonly string _output;

        private PerfStat(Process perf, string output)
        {
            _perf = perf;
            _output = output;
        }

        public static PerfStat Start()
        {
            var output = Path.Combine(Path.GetTempPath(), $"outbox-db-{Environment.ProcessId}.perf");
            var events = "task-clock,context-switches,raw_syscalls:sys_enter," + string.Join(',', Kinds.Select(k => "syscalls:sys_enter_" + k));
            var start = new ProcessStartInfo("perf") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "stat", "-x,", "-e", events, "-p", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), "-o", output })
            {
                start.ArgumentList.Add(argument);
            }

            var perf = Process.Start(start)!;
            Thread.Sleep(300); // perf attaches before the window opens; outside the measured CPU
            return new PerfStat(perf, output);
        }

        public string Stop(int messages)
        {
            using (var kill = Process.Start("kill", ["-INT", _perf.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                kill.WaitForExit();
            }

            _perf.WaitForExit();
            var parts = new List<string>();
            foreach (var line in File.ReadAllLines(_output))
            {
                var fields = line.Split(',');
                if (fields.Length < 3 || !double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    continue;
                }

                var name = fields[2];
                var perMessage = value / messages;
                if (name == "raw_syscalls:sys_enter")
                {
                    parts.Insert(0, string.Create(CultureInfo.InvariantCulture, $"system calls {perMessage:F2}"));
                }
                else if (name == "context-switches")
                {
                    parts.Add(string.Create(CultureInfo.InvariantCulture, $"context switches {perMessage:F2}"));
                }
                else if (name.StartsWith("syscalls:sys_enter_", StringComparison.Ordinal) && perMessage >= 0.05)
                {
                    parts.Add(string.Create(CultureInfo.InvariantCulture, $"{name["syscalls:sys_enter_".Length..]} {perMessage:F2}"));
                }
            }

            File.Delete(_output);
            return "; " + string.Join(", ", parts);
        }

        public void Dispose()
        {
            if (!_perf.HasExited)
            {
                _perf.Kill();
            }

            _perf.Dispose();
        }
    }
}
