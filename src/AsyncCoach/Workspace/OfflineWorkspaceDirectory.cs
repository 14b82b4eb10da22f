using AsyncCoach.Core.Model;

namespace AsyncCoach.Workspace;

/// <summary>Dry-run: no Slack to ask, so nobody's time zone and no channel's members are known.</summary>
public sealed class OfflineWorkspaceDirectory : IWorkspaceDirectory
{
    public Task<Conversation> GetConversationAsync(TeamId team, ChannelId channel, ConversationKind kind, CancellationToken cancellationToken) =>
        Task.FromResult(new Conversation(channel, kind, [], 0));

    public Task<Person?> GetPersonAsync(TeamId team, UserId user, CancellationToken cancellationToken) =>
        Task.FromResult<Person?>(null);

    public Person? KnownPerson(TeamId team, UserId user) => null;

    public Conversation KnownConversation(TeamId team, ChannelId channel, ConversationKind kind) => new(channel, kind, [], 0);
}
