using System.Globalization;
using System.Text.Json;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Norms;
using AsyncCoach.Core.Rules;
using AsyncCoach.Core.Tracking;

namespace AsyncCoach.Core.Evaluation;

/// <summary>
/// A labelled conversation for scoring the rules. One JSON object per line: a conversation
/// (<c>kind</c>, <c>members</c>, <c>count</c>, <c>tz</c>, <c>names</c>, <c>bots</c>, <c>deleted</c>, <c>hours</c>,
/// <c>exempt</c>, <c>threshold</c>, <c>at</c>) and either one <c>text</c> with its expected rule ids <c>x</c>,
/// or <c>msgs</c>: messages with text <c>t</c>, author <c>from</c>, seconds after <c>at</c> <c>dt</c>, the index
/// of the thread parent <c>reply</c>, an optional <c>channel</c>, and their own <c>x</c>. A message whose
/// author is in <c>bots</c> is not judged (the dispatcher drops bots' messages). Other fields
/// (<c>note</c>) are ignored. A line that does not parse fails with its id or line number.
/// </summary>
public sealed record LabelledConversation(string Id, MessageContext Context, IReadOnlyList<LabelledMessage> Messages)
{
    public static readonly DateTimeOffset DefaultAt = new(2026, 3, 10, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The members of a channel or private channel whose line gives neither <c>count</c> nor <c>members</c>: the <c>check</c> verb's default.</summary>
    public const int CheckDefaultChannelSize = 50;

    /// <summary>Every non-blank line of <paramref name="path"/>, in order.</summary>
    public static IReadOnlyList<LabelledConversation> Load(string path) =>
        [.. File.ReadLines(path).Select((line, i) => (line, i)).Where(l => !string.IsNullOrWhiteSpace(l.line)).Select(l => Parse(l.line, $"{Path.GetFileName(path)}:{l.i + 1}"))];

    public static LabelledConversation Parse(string line, string where)
    {
        try
        {
            return ParseLine(line, where);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentOutOfRangeException)
        {
            throw new InvalidDataException($"{where}: {e.Message}", e);
        }
    }

    private static LabelledConversation ParseLine(string line, string where)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var id = Str(root, "id") ?? where;
        var kind = ConversationKinds.Parse(Str(root, "kind") ?? "im") ?? throw new FormatException($"unknown kind in {id}");
        var channel = kind switch { ConversationKind.Im => "D1", ConversationKind.Mpim => "G1", ConversationKind.Group => "G2", _ => "C1" };
        // "members" lists the member ids, or (devset3's form) gives how many humans the conversation has.
        var memberCount = root.TryGetProperty("members", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt32() : (int?)null;
        var members = memberCount is null && m.ValueKind != JsonValueKind.Undefined
            ? [.. m.EnumerateArray().Select(e => new UserId(e.GetString()!))]
            : kind switch
            {
                ConversationKind.Im => [new("U1"), new("U2")],
                ConversationKind.Mpim => [new("U1"), new("U2"), new UserId("U3")],
                _ => Enumerable.Range(1, 8).Select(i => new UserId("U" + i)).ToList(),
            };
        var people = members.ToDictionary(u => u, u => Person(root, u));
        var norms = TeamNorms.Default with
        {
            ExemptChannels = root.TryGetProperty("exempt", out var exempt) && exempt.GetBoolean() ? new HashSet<string>([channel]) : new HashSet<string>(),
            BroadcastThreshold = root.TryGetProperty("threshold", out var threshold) ? threshold.GetInt32() : 20,
        };
        // Without "count", a channel whose members are not listed has the `check` verb's default size
        // (50), so a line judged here is judged as `check` judges it; listed members are counted.
        var count = root.TryGetProperty("count", out var c) ? c.GetInt32()
            : memberCount is { } given ? given
            : m.ValueKind == JsonValueKind.Undefined && kind is ConversationKind.Channel or ConversationKind.Group ? CheckDefaultChannelSize
            : members.Count(u => !people[u].IsBot && !people[u].IsDeleted);
        var context = new MessageContext(new Conversation(new ChannelId(channel), kind, members, count), people, norms);
        var at = Str(root, "at") is { } a ? DateTimeOffset.Parse(a, CultureInfo.InvariantCulture) : DefaultAt;

        var raw = root.TryGetProperty("msgs", out var msgs)
            ? Array(msgs, "msgs").EnumerateArray().Select(e => (Text: RequiredString(e, "t", "msgs[].t"), Element: e)).ToList()
            : [(RequiredString(root, "text", "text (or msgs)"), root)];
        var messages = new List<LabelledMessage>();
        foreach (var (text, element) in raw)
        {
            var time = at.AddSeconds(element.TryGetProperty("dt", out var dt) ? dt.GetDouble() : 0);
            var ts = MessageTs.FromInstant(time);
            var parent = element.TryGetProperty("reply", out var reply) ? messages[reply.GetInt32()].Message.Ts : (MessageTs?)null;
            var author = new UserId(Str(element, "from") ?? "U1");
            var messageChannel = new ChannelId(Str(element, "channel") ?? channel);
            var expected = Array(element.TryGetProperty("x", out var x) ? x : throw new FormatException("missing field \"x\" (the expected rule ids)"), "x")
                .EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new FormatException("field \"x\" must list rule ids as strings"))
                .ToHashSet(StringComparer.Ordinal);
            if (expected.FirstOrDefault(r => !RuleIds.All.Contains(r)) is { } unknown)
            {
                throw new FormatException($"field \"x\": unknown rule id '{unknown}'");
            }

            messages.Add(new LabelledMessage(new ChatMessage(new TeamId("T1"), messageChannel, kind, author, ts, parent, text), expected, Has(root, "bots", author)));
        }

        return new LabelledConversation(id, context, messages);
    }

    private static Person Person(JsonElement root, UserId user)
    {
        var tz = "Europe/London";
        if (root.TryGetProperty("tz", out var zones) && zones.TryGetProperty(user.Value, out var zone))
        {
            tz = zone.ValueKind == JsonValueKind.Null ? null : zone.GetString();
        }

        WorkingHours? hours = null;
        if (root.TryGetProperty("hours", out var h) && h.TryGetProperty(user.Value, out var range))
        {
            var parts = range.GetString()!.Split('-');
            hours = new WorkingHours(TimeOnly.Parse(parts[0], CultureInfo.InvariantCulture), TimeOnly.Parse(parts[1], CultureInfo.InvariantCulture), WorkDays.Weekdays);
        }

        return new Person(
            user,
            tz,
            IsBot: Has(root, "bots", user),
            IsDeleted: Has(root, "deleted", user),
            OwnHours: hours,
            DisplayName: root.TryGetProperty("names", out var names) && names.TryGetProperty(user.Value, out var name) ? name.GetString() : null);
    }

    private static bool Has(JsonElement root, string property, UserId user) =>
        root.TryGetProperty(property, out var list) && list.EnumerateArray().Any(e => e.GetString() == user.Value);

    private static string RequiredString(JsonElement element, string property, string name) =>
        element.TryGetProperty(property, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new FormatException($"field \"{name}\" must be a string")
            : throw new FormatException($"missing field \"{name}\"");

    private static JsonElement Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Array ? element : throw new FormatException($"field \"{name}\" must be an array");

    private static string? Str(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>
/// One message of a <see cref="LabelledConversation"/> and the rule ids it should raise. A bot's
/// message (its author in <c>bots</c>) never reaches the rules, as in production, where the
/// dispatcher drops it.
/// </summary>
public sealed record LabelledMessage(ChatMessage Message, IReadOnlySet<string> Expected, bool FromBot = false);
