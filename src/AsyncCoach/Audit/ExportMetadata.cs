using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AsyncCoach.Core.Model;

namespace AsyncCoach.Audit;

/// <summary>
/// Who is in the workspace and which conversations exist, from users.json, channels.json and,
/// for full exports, groups.json, dms.json and mpims.json.
/// </summary>
public sealed class ExportMetadata
{
    private readonly Dictionary<string, Conversation> byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Conversation> byName = new(StringComparer.Ordinal);

    private ExportMetadata(TeamId team, IReadOnlyDictionary<UserId, Person> people)
    {
        Team = team;
        People = people;
    }

    public TeamId Team { get; }

    public IReadOnlyDictionary<UserId, Person> People { get; }

    public IEnumerable<Conversation> Conversations => byId.Values;

    /// <summary>Slack names folders by name for channels, private channels and group DMs, by id for DMs; accept either.</summary>
    public Conversation? FindByFolder(string folder) =>
        byId.GetValueOrDefault(folder) ?? byName.GetValueOrDefault(folder);

    public static ExportMetadata Read(ExportSource source)
    {
        var users = ReadList(source, "users.json", ExportJsonContext.Default.ListExportUser, required: true)!;
        var people = new Dictionary<UserId, Person>();
        string? team = null;
        for (var i = 0; i < users.Count; i++)
        {
            var user = users[i];
            if (string.IsNullOrEmpty(user.Id))
            {
                throw new ExportFormatException($"{Describe(source, "users.json")}: entry {i} has no id.");
            }

            team ??= user.TeamId;
            var zone = user.Tz is { Length: > 0 } tz && TimeZoneInfo.TryFindSystemTimeZoneById(tz, out _) ? tz : null;
            people[new UserId(user.Id)] = new Person(new UserId(user.Id), zone, user.IsBot == true || user.Id == "USLACKBOT", user.Deleted == true, DisplayName: user.Name);
        }

        var metadata = new ExportMetadata(new TeamId(team ?? "T00000000"), people);
        metadata.AddAll(source, "channels.json", ConversationKind.Channel, required: true);
        metadata.AddAll(source, "groups.json", ConversationKind.Group, required: false);
        metadata.AddAll(source, "mpims.json", ConversationKind.Mpim, required: false);
        metadata.AddAll(source, "dms.json", ConversationKind.Im, required: false);
        return metadata;
    }

    internal static string Describe(ExportSource source, string path) =>
        source is ZipExportSource ? $"{source.DisplayName}!{path}" : Path.Combine(source.DisplayName, path);

    private void AddAll(ExportSource source, string file, ConversationKind kind, bool required)
    {
        var list = ReadList(source, file, ExportJsonContext.Default.ListExportConversation, required);
        if (list is null)
        {
            return;
        }

        for (var i = 0; i < list.Count; i++)
        {
            var item = list[i];
            if (string.IsNullOrEmpty(item.Id))
            {
                throw new ExportFormatException($"{Describe(source, file)}: entry {i} has no id.");
            }

            var members = (item.Members ?? []).Distinct(StringComparer.Ordinal).Select(m => new UserId(m)).ToList();
            var humans = members.Count(m => People.TryGetValue(m, out var p) ? !p.IsBot && !p.IsDeleted : true);
            var conversation = new Conversation(new ChannelId(item.Id), kind, members, humans, item.Name);
            byId[item.Id] = conversation;
            if (item.Name is { Length: > 0 } name)
            {
                byName.TryAdd(name, conversation);
            }
        }
    }

    private static List<T>? ReadList<T>(ExportSource source, string file, JsonTypeInfo<List<T>> type, bool required)
    {
        var entry = source.Find(file);
        if (entry is null)
        {
            return required
                ? throw new ExportFormatException($"{Describe(source, file)}: missing; an export needs users.json and channels.json at its root.")
                : null;
        }

        try
        {
            using var stream = source.Open(entry);
            return JsonSerializer.Deserialize(stream, type)
                ?? throw new ExportFormatException($"{Describe(source, file)}: expected a JSON array, found null.");
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, {ex.Path}" : "";
            throw new ExportFormatException($"{Describe(source, file)}: not a valid JSON array of objects{where}.", ex);
        }
        catch (InvalidDataException ex)
        {
            throw new ExportFormatException($"{Describe(source, file)}: corrupt zip entry ({ex.Message})", ex);
        }
    }
}
