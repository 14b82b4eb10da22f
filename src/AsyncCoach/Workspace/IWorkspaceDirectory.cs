using AsyncCoach.Core.Model;

namespace AsyncCoach.Workspace;

/// <summary>
/// What the rules need to know about a workspace, cached: people (time zone, bot, deactivated)
/// and conversations (kind, members). Live it asks Slack; in dry-run nothing can be asked, so
/// people are unknown (inside working hours, no finding without evidence) and members unknown.
/// </summary>
public interface IWorkspaceDirectory
{
    Task<Conversation> GetConversationAsync(TeamId team, ChannelId channel, ConversationKind kind, CancellationToken cancellationToken);

    Task<Person?> GetPersonAsync(TeamId team, UserId user, CancellationToken cancellationToken);

    /// <summary>The person as known now, without asking Slack; null when not known (yet).</summary>
    Person? KnownPerson(TeamId team, UserId user);

    /// <summary>The conversation as known now, without asking Slack; no members when not known (yet).</summary>
    Conversation KnownConversation(TeamId team, ChannelId channel, ConversationKind kind);
}
