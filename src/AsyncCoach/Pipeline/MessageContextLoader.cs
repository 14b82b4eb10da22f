using AsyncCoach.Core.Model;
using AsyncCoach.Core.Text;
using AsyncCoach.Core.Tracking;
using AsyncCoach.Storage;
using AsyncCoach.Workspace;

namespace AsyncCoach.Pipeline;

/// <summary>
/// Pre-loads what the pure rules need for one message: its conversation, the people it can reach
/// (mentioned users, DM members, every member for <c>&lt;!channel&gt;</c>), with their own
/// settings applied, and the team's norms. All I/O happens here, none in the rules.
/// <see cref="PrepareAsync"/> asks the directory for the same people and members ahead of time
/// (the inbox look-ahead), so that <see cref="LoadAsync"/> finds them known.
/// </summary>
public sealed class MessageContextLoader(IWorkspaceDirectory directory, INormsStore norms, IPersonSettingsStore settings)
{
    /// <summary>
    /// With <paramref name="waitForLookups"/> false nobody is asked: people and members are taken as
    /// the directory knows them now (an event whose lookups took too long is judged without them).
    /// </summary>
    public async Task<MessageContext> LoadAsync(ChatMessage message, bool waitForLookups, CancellationToken cancellationToken)
    {
        var mentions = MessageText.ParseMentions(message.Text);
        var conversation = !NeedsMembers(message, mentions) ? new Conversation(message.Channel, message.Kind, [], 0)
            : waitForLookups ? await directory.GetConversationAsync(message.Team, message.Channel, message.Kind, cancellationToken)
            : directory.KnownConversation(message.Team, message.Channel, message.Kind);
        var ids = PeopleReached(message, mentions, conversation);
        var people = new Dictionary<UserId, Person>(ids.Count);
        var overrides = await settings.GetManyAsync(message.Team.Value, ids.Select(i => i.Value).ToList(), cancellationToken);
        foreach (var id in ids)
        {
            var person = waitForLookups ? await directory.GetPersonAsync(message.Team, id, cancellationToken) : directory.KnownPerson(message.Team, id);
            if (overrides.TryGetValue(id.Value, out var own))
            {
                person = (person ?? new Person(id, null)) with
                {
                    OwnHours = own.Hours ?? person?.OwnHours,
                    TimeZoneId = own.TimeZone ?? person?.TimeZoneId,
                };
            }

            if (person is not null)
            {
                people[id] = person;
            }
        }

        if (mentions.AnyBroadcast && conversation.Members.Count > 0)
        {
            var humans = conversation.Members.Count(m => !people.TryGetValue(m, out var p) || p is { IsBot: false, IsDeleted: false });
            conversation = conversation with { MemberCount = humans };
        }

        var teamNorms = await norms.GetAsync(message.Team.Value, cancellationToken);
        return new MessageContext(conversation, people, teamNorms);
    }

    /// <summary>
    /// Looks up (through the directory's caches) everyone and everything <see cref="LoadAsync"/>
    /// will read for <paramref name="message"/>; completes when every lookup has answered or failed.
    /// </summary>
    public async Task PrepareAsync(ChatMessage message, CancellationToken cancellationToken)
    {
        var mentions = MessageText.ParseMentions(message.Text);
        var noMembers = new Conversation(message.Channel, message.Kind, [], 0);
        var lookups = new List<Task>();
        foreach (var id in PeopleReached(message, mentions, noMembers))
        {
            lookups.Add(directory.GetPersonAsync(message.Team, id, cancellationToken));
        }

        if (NeedsMembers(message, mentions))
        {
            lookups.Add(PrepareMembersAsync(message, cancellationToken));
        }

        await Task.WhenAll(lookups);
    }

    private async Task PrepareMembersAsync(ChatMessage message, CancellationToken cancellationToken)
    {
        var conversation = await directory.GetConversationAsync(message.Team, message.Channel, message.Kind, cancellationToken);
        await Task.WhenAll(conversation.Members.Select(m => directory.GetPersonAsync(message.Team, m, cancellationToken)));
    }

    // Members are needed for DMs, for <!channel>/<!everyone> recipients, and for an exact human
    // member count whenever a broadcast may be judged for overuse; no rule reads them otherwise.
    private static bool NeedsMembers(ChatMessage message, Mentions mentions) => message.Kind.IsDirect() || mentions.AnyBroadcast;

    private static HashSet<UserId> PeopleReached(ChatMessage message, Mentions mentions, Conversation conversation)
    {
        var ids = new HashSet<UserId>(mentions.Users);
        if (NeedsMembers(message, mentions))
        {
            ids.UnionWith(conversation.Members);
        }

        ids.Add(message.Author);
        return ids;
    }
}
