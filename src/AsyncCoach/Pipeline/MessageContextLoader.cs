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
/// </summary>
public sealed class MessageContextLoader(IWorkspaceDirectory directory, NormsStore norms, PersonSettingsStore settings)
{
    public async Task<MessageContext> LoadAsync(ChatMessage message, CancellationToken cancellationToken)
    {
        var conversation = await directory.GetConversationAsync(message.Team, message.Channel, message.Kind, cancellationToken);
        var mentions = MessageText.ParseMentions(message.Text);
        var ids = new HashSet<UserId>(mentions.Users);
        // Every member is needed for DMs, for <!channel>/<!everyone> recipients, and for an exact
        // human member count whenever a broadcast may be judged for overuse.
        if (message.Kind.IsDirect() || mentions.AnyBroadcast)
        {
            ids.UnionWith(conversation.Members);
        }

        ids.Add(message.Author);
        var people = new Dictionary<UserId, Person>(ids.Count);
        var overrides = await settings.GetManyAsync(message.Team.Value, ids.Select(i => i.Value).ToList(), cancellationToken);
        foreach (var id in ids)
        {
            var person = await directory.GetPersonAsync(message.Team, id, cancellationToken);
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
}
