using AsyncCoach.Core.Model;
using AsyncCoach.Core.Norms;
using AsyncCoach.Core.Tracking;

namespace AsyncCoach.Core.Tests;

/// <summary>Builders for messages and contexts: a DM or a channel on Tue 2026-03-10 10:00 UTC unless told otherwise.</summary>
internal static class TestMessages
{
    public static readonly TeamId Team = new("T1");
    public static readonly UserId Author = new("U1");
    public static readonly UserId Recipient = new("U2");
    public static readonly DateTimeOffset Tuesday10Utc = new(2026, 3, 10, 10, 0, 0, TimeSpan.Zero);

    public static ChatMessage Message(
        string text,
        ConversationKind kind = ConversationKind.Im,
        DateTimeOffset? at = null,
        UserId? author = null,
        string channel = "D1",
        MessageTs? threadTs = null) =>
        new(Team, new ChannelId(channel), kind, author ?? Author, MessageTs.FromInstant(at ?? Tuesday10Utc), threadTs, text);

    public static MessageContext Context(
        ConversationKind kind = ConversationKind.Im,
        string channel = "D1",
        int? memberCount = null,
        TeamNorms? norms = null,
        params Person[] people)
    {
        var all = people.Length > 0 ? people : [new Person(Author, "Europe/London"), new Person(Recipient, "Europe/London")];
        var members = all.Select(p => p.Id).ToList();
        return new MessageContext(
            new Conversation(new ChannelId(channel), kind, members, memberCount ?? members.Count),
            all.ToDictionary(p => p.Id),
            norms ?? TeamNorms.Default);
    }
}
