using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace AsyncCoach.Benchmarks;

/// <summary>
/// Writes a synthetic full Slack export (users, channels, groups, mpims, dms, one folder per
/// conversation with one JSON array per day) with a realistic mix: mostly plain work talk, some
/// mentions, greetings, call proposals, urgency, broadcasts, bursts, thread replies, bot
/// messages and joins. Deterministic for a given seed.
/// </summary>
public static class ExportGenerator
{
    private static readonly string[] Zones =
    [
        "America/Los_Angeles", "America/New_York", "America/Sao_Paulo", "Europe/London", "Europe/Berlin",
        "Europe/Helsinki", "Asia/Kolkata", "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney",
    ];

    private static readonly string[] Plain =
    [
        "Merged the migration, staging is green now",
        "I pushed the fix for the flaky login test, CI should pass on the next run",
        "Notes from the planning session are in the doc, please add your estimates by Thursday",
        "The p95 latency went from 180ms to 240ms after the cache change; I'm looking into it",
        "ok",
        "thanks!",
        "Looks good to me, approved",
        "Can you review PR 4312 by Friday? It changes the retry policy for the outbox",
        "Deploying 2.14.1 to production at 15:00 CET, ping me if you see anything odd",
        "Here's the dashboard: <https://grafana.example.com/d/abc123/api?orgId=1&from=now-6h>",
        "I think we should split the report job into two steps so the export does not block the digest",
        "```\nERROR 2024-03-01 12:00:01 Timeout after 30000ms calling billing-api /v2/invoices\n```",
        "Agreed :+1:",
        "What's the expected behaviour when the token expires mid-request?",
    ];

    private static readonly string[] Greetings = ["hi", "hey", "hello there", "good morning!", "got a minute?", "you around?", "quick question"];
    private static readonly string[] Huddles = ["can we hop on a call?", "quick huddle?", "easier to discuss live, jump on zoom?", "let's sync on this real quick"];
    private static readonly string[] Urgent = ["need this asap", "urgent: the build is broken, fix right away", "high priority, please look immediately", "URGENT: customers can't log in, need it by 14:00"];

    public static int Run(string[] args)
    {
        var output = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "asynccoach-export");
        var messages = Option(args, "--messages", 1_000_000);
        var users = Option(args, "--users", 300);
        var channels = Option(args, "--channels", 250);
        var dms = Option(args, "--dms", 200);
        var mpims = Option(args, "--mpims", 50);
        var groups = Option(args, "--groups", 50);
        var zip = args.Contains("--zip");
        var written = Generate(output, messages, users, channels, groups, mpims, dms, seed: 42);
        Console.WriteLine($"wrote {written:N0} messages in {channels + groups + mpims + dms} conversations for {users} users to {output}");
        if (zip)
        {
            var zipPath = output.TrimEnd('/') + ".zip";
            File.Delete(zipPath);
            ZipFile.CreateFromDirectory(output, zipPath, CompressionLevel.Fastest, includeBaseDirectory: false);
            Console.WriteLine($"zipped to {zipPath} ({new FileInfo(zipPath).Length / 1_048_576.0:0.0} MB)");
        }

        return 0;
    }

    public static long Generate(string root, int messageCount, int userCount, int channelCount, int groupCount, int mpimCount, int dmCount, int seed)
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        Directory.CreateDirectory(root);
        var random = new Random(seed);
        var users = Enumerable.Range(0, userCount).Select(i => $"U{i:D8}").ToArray();
        var bots = new[] { "UBOT00001", "UBOT00002" };
        WriteUsers(root, users, bots, random);

        var conversations = new List<SyntheticConversation>();
        conversations.AddRange(Enumerable.Range(0, channelCount).Select(i => new SyntheticConversation($"C{i:D8}", $"channel-{i}", "channel", Pick(random, users, 3 + (int)(60 * Math.Pow(random.NextDouble(), 2))))));
        conversations.AddRange(Enumerable.Range(0, groupCount).Select(i => new SyntheticConversation($"G{i:D8}", $"private-{i}", "group", Pick(random, users, 3 + random.Next(12)))));
        conversations.AddRange(Enumerable.Range(0, mpimCount).Select(i =>
        {
            var members = Pick(random, users, 3 + random.Next(4));
            return new SyntheticConversation($"G9{i:D7}", $"mpdm-{string.Join("--", members.Select(m => m.ToLowerInvariant()))}-1", "mpim", members);
        }));
        conversations.AddRange(Enumerable.Range(0, dmCount).Select(i => new SyntheticConversation($"D{i:D8}", null, "im", Pick(random, users, 2))));
        WriteConversations(root, "channels.json", conversations.Where(c => c.Kind == "channel"));
        WriteConversations(root, "groups.json", conversations.Where(c => c.Kind == "group"));
        WriteConversations(root, "mpims.json", conversations.Where(c => c.Kind == "mpim"));
        WriteConversations(root, "dms.json", conversations.Where(c => c.Kind == "im"));

        // Zipf-like activity: a few busy channels, a long tail of quiet conversations.
        var weights = conversations.Select((_, i) => 1.0 / Math.Pow(i % 97 + 1, 0.8)).ToArray();
        var total = weights.Sum();
        long written = 0;
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var c = 0; c < conversations.Count; c++)
        {
            var count = c == conversations.Count - 1 ? (int)(messageCount - written) : (int)(messageCount * weights[c] / total);
            written += WriteConversation(root, conversations[c], bots, count, start, random);
        }

        return written;
    }

    private static int WriteConversation(string root, SyntheticConversation conversation, string[] bots, int count, DateTimeOffset start, Random random)
    {
        var folder = Path.Combine(root, conversation.Name ?? conversation.Id);
        Directory.CreateDirectory(folder);
        var times = new long[count];
        for (var i = 0; i < count; i++)
        {
            // 120 days; mostly working hours UTC-ish, some evenings and weekends.
            var day = random.Next(120);
            var second = random.NextDouble() < 0.8 ? 7 * 3600 + random.Next(11 * 3600) : random.Next(24 * 3600);
            times[i] = (start.ToUnixTimeSeconds() + (day * 86400L) + second) * 1_000_000 + random.Next(1_000_000);
        }

        Array.Sort(times);
        var i0 = 0;
        var threadRoots = new List<string>();
        while (i0 < count)
        {
            var date = DateTimeOffset.FromUnixTimeMilliseconds(times[i0] / 1000).UtcDateTime.Date;
            var i1 = i0;
            while (i1 < count && DateTimeOffset.FromUnixTimeMilliseconds(times[i1] / 1000).UtcDateTime.Date == date)
            {
                i1++;
            }

            var path = Path.Combine(folder, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".json");
            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            writer.WriteStartArray();
            for (var i = i0; i < i1; i++)
            {
                WriteMessage(writer, conversation, bots, times[i], threadRoots, random);
            }

            writer.WriteEndArray();
            i0 = i1;
        }

        return count;
    }

    private static void WriteMessage(Utf8JsonWriter w, SyntheticConversation c, string[] bots, long micros, List<string> threadRoots, Random random)
    {
        var ts = $"{micros / 1_000_000}.{micros % 1_000_000:D6}";
        var author = c.Members[random.Next(c.Members.Length)];
        var roll = random.Next(1000);
        if (roll < 75 && c.Kind is "im" or "mpim")
        {
            roll += 500; // no bots or joins in DMs: plain talk instead
        }

        w.WriteStartObject();
        w.WriteString("type", "message");
        if (roll < 60)
        {
            w.WriteString("subtype", "bot_message");
            w.WriteString("bot_id", "B0000" + random.Next(10));
            w.WriteString("username", "deploybot");
            w.WriteString("text", "Deployed build " + random.Next(100000) + " to staging");
            w.WriteStartArray("attachments");
            w.WriteStartObject();
            w.WriteString("fallback", "build details");
            w.WriteNumber("id", 1);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteString("ts", ts);
            w.WriteEndObject();
            return;
        }

        if (roll < 75)
        {
            w.WriteString("subtype", "channel_join");
            w.WriteString("user", author);
            w.WriteString("text", $"<@{author}> has joined the channel");
            w.WriteString("ts", ts);
            w.WriteEndObject();
            return;
        }

        var mention = c.Members[random.Next(c.Members.Length)];
        var text = roll switch
        {
            < 100 => $"<@{mention}> {Greetings[random.Next(Greetings.Length)]}",
            < 125 => Huddles[random.Next(Huddles.Length)],
            < 150 => $"<@{mention}> {Urgent[random.Next(Urgent.Length)]}",
            < 160 => $"<!channel> {Plain[random.Next(Plain.Length)]}",
            < 170 => $"<!here> {Plain[random.Next(Plain.Length)]}",
            < 320 => $"<@{mention}> {Plain[random.Next(Plain.Length)]}",
            < 380 => "ok",
            _ => Plain[random.Next(Plain.Length)],
        };
        w.WriteString("user", author);
        w.WriteString("text", text);
        w.WriteString("ts", ts);
        w.WriteString("team", "T0SYNTH01");
        w.WriteString("client_msg_id", $"{random.Next():x8}-{random.Next(0xffff):x4}-4{random.Next(0xfff):x3}-a{random.Next(0xfff):x3}-{random.NextInt64(0xffffffffffff):x12}");
        if (roll >= 900 && threadRoots.Count > 0)
        {
            w.WriteString("thread_ts", threadRoots[random.Next(threadRoots.Count)]);
            w.WriteString("parent_user_id", c.Members[0]);
        }
        else if (roll >= 850)
        {
            threadRoots.Add(ts);
            if (threadRoots.Count > 20)
            {
                threadRoots.RemoveAt(0);
            }

            w.WriteString("thread_ts", ts);
            w.WriteNumber("reply_count", random.Next(1, 6));
        }

        w.WriteStartArray("blocks");
        w.WriteStartObject();
        w.WriteString("type", "rich_text");
        w.WriteString("block_id", "b" + random.Next(1000));
        w.WriteStartArray("elements");
        w.WriteStartObject();
        w.WriteString("type", "rich_text_section");
        w.WriteStartArray("elements");
        w.WriteStartObject();
        w.WriteString("type", "text");
        w.WriteString("text", text);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        if (random.Next(10) == 0)
        {
            w.WriteStartArray("reactions");
            w.WriteStartObject();
            w.WriteString("name", "+1");
            w.WriteStartArray("users");
            w.WriteStringValue(mention);
            w.WriteEndArray();
            w.WriteNumber("count", 1);
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteUsers(string root, string[] users, string[] bots, Random random)
    {
        using var stream = File.Create(Path.Combine(root, "users.json"));
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartArray();
        foreach (var id in users.Concat(bots))
        {
            var bot = id.StartsWith("UBOT", StringComparison.Ordinal);
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteString("team_id", "T0SYNTH01");
            w.WriteString("name", id.ToLowerInvariant());
            w.WriteBoolean("deleted", !bot && random.Next(50) == 0);
            if (random.Next(20) != 0)
            {
                w.WriteString("tz", Zones[random.Next(Zones.Length)]);
            }

            w.WriteBoolean("is_bot", bot);
            w.WriteStartObject("profile");
            w.WriteString("real_name", "Person " + id);
            w.WriteString("title", "Engineer");
            w.WriteString("image_72", $"https://avatars.example.com/{id}_72.png");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteConversations(string root, string file, IEnumerable<SyntheticConversation> conversations)
    {
        using var stream = File.Create(Path.Combine(root, file));
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartArray();
        foreach (var c in conversations)
        {
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            if (c.Name is not null)
            {
                w.WriteString("name", c.Name);
            }

            w.WriteNumber("created", 1_700_000_000);
            w.WriteStartArray("members");
            foreach (var m in c.Members)
            {
                w.WriteStringValue(m);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static string[] Pick(Random random, string[] users, int count) =>
        [.. users.OrderBy(_ => random.Next()).Take(Math.Min(count, users.Length))];

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed record SyntheticConversation(string Id, string? Name, string Kind, string[] Members);
}
