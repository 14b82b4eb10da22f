using AsyncCoach.Core.Model;
using AsyncCoach.Workspace;

namespace AsyncCoach.Tests.Fakes;

/// <summary>
/// The workspace as Slack's users.info would describe it: a few known people (zone, admin flag).
/// Conversations are unknown, as offline. A narrow seam until the live directory and fake Slack API land.
/// </summary>
public sealed class FakeWorkspaceDirectory : IWorkspaceDirectory
{
    private readonly Dictionary<string, Person> _people = new(StringComparer.Ordinal);

    public FakeWorkspaceDirectory Add(string userId, string? timeZone = null, bool isAdmin = false)
    {
        _people[userId] = new Person(new UserId(userId), timeZone, IsAdmin: isAdmin);
        return this;
    }

    public Task<Conversation> GetConversationAsync(TeamId team, ChannelId channel, ConversationKind kind, CancellationToken cancellationToken) =>
        Task.FromResult(new Conversation(channel, kind, [], 0));

    public Task<Person?> GetPersonAsync(TeamId team, UserId user, CancellationToken cancellationToken) =>
        Task.FromResult(_people.GetValueOrDefault(user.Value));
}
