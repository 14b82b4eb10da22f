using AsyncCoach.Core.Model;
using AsyncCoach.Workspace;

namespace AsyncCoach.Tests.Fakes;

/// <summary>
/// The workspace as Slack's users.info would describe it: a few known people (zone, admin flag).
/// Conversations have no members unless a test gives them some. A narrow seam until the live directory and fake Slack API land.
/// </summary>
public sealed class FakeWorkspaceDirectory : IWorkspaceDirectory
{
    private readonly Dictionary<string, Person> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UserId[]> _members = new(StringComparer.Ordinal);

    public FakeWorkspaceDirectory Add(string userId, string? timeZone = null, bool isAdmin = false)
    {
        _people[userId] = new Person(new UserId(userId), timeZone, IsAdmin: isAdmin);
        return this;
    }

    /// <summary>Gives a channel <paramref name="count"/> members (unknown people, so counted as humans).</summary>
    public FakeWorkspaceDirectory WithMembers(string channelId, int count)
    {
        _members[channelId] = [.. Enumerable.Range(1, count).Select(i => new UserId($"UM{i:D4}"))];
        return this;
    }

    public Task<Conversation> GetConversationAsync(TeamId team, ChannelId channel, ConversationKind kind, CancellationToken cancellationToken) =>
        Task.FromResult(KnownConversation(team, channel, kind));

    public Task<Person?> GetPersonAsync(TeamId team, UserId user, CancellationToken cancellationToken) =>
        Task.FromResult(KnownPerson(team, user));

    public Person? KnownPerson(TeamId team, UserId user) => _people.GetValueOrDefault(user.Value);

    public Conversation KnownConversation(TeamId team, ChannelId channel, ConversationKind kind)
    {
        var members = _members.GetValueOrDefault(channel.Value, []);
        return new Conversation(channel, kind, members, members.Length);
    }
}
