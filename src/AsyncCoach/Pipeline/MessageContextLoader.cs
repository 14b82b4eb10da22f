using AsyncCoach.Core.Model;
using AsyncCoach.Core.Text;
using AsyncCoach.Core.Tracking;
using AsyncCoach.Workspace;
using AsyncCoach.Storage;

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
        if (message.Kind.IsDirect() || mentions.Channel || mentions.Everyone)
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

        var teamNorms = await norms.GetAsync(message.Team.Value, cancellationToken);
        return new MessageContext(conversation, people, teamNorms);
    }
}
