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

    /// <summary>
    /// Every read dev split and the rules corpus, as paths under the test's Fixtures folder: the messages the
    /// engine's mechanics (the phrase book's index, the cue gate) are checked against. Unread test splits are
    /// left out.
    /// </summary>
    public static readonly string[] DevAndCorpusSources =
    [
        "devset/messages.dev.jsonl", "devset2/messages.dev.jsonl", "devset3/messages.dev.jsonl", "devset4/messages.dev.jsonl",
        "devset5/messages.dev.jsonl", "devset6/messages.dev.jsonl", "devset7/messages.dev.jsonl", "devset8/messages.dev.jsonl",
        "devset9/messages.dev.jsonl", "devset10/messages.dev.jsonl", "devset11/messages.dev.jsonl", "rules-corpus/chatter.jsonl",
        "rules-corpus/huddle.jsonl", "rules-corpus/missing-context.jsonl", "rules-corpus/vague-urgency.jsonl",
    ];

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
