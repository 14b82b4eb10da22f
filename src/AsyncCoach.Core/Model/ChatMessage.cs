namespace AsyncCoach.Core.Model;

/// <summary>
/// A human message as the rules see it, whatever its source (Events API, Socket Mode, an export,
/// the <c>check</c> verb). <see cref="Text"/> lives only in memory while the message is evaluated.
/// </summary>
public sealed record ChatMessage(
    TeamId Team,
    ChannelId Channel,
    ConversationKind Kind,
    UserId Author,
    MessageTs Ts,
    MessageTs? ThreadTs,
    string Text)
{
    /// <summary>Event time: when the message was posted, from its ts.</summary>
    public DateTimeOffset Time => Ts.ToInstant();

    /// <summary>A reply inside a thread (a thread parent has <c>thread_ts == ts</c>).</summary>
    public bool IsThreadReply => ThreadTs is { } thread && thread != Ts;
}
