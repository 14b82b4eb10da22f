namespace AsyncCoach.Core.Model;

/// <summary>
/// Which Slack message <c>subtype</c>s are still a person writing: none at all, a thread reply
/// also sent to the channel, a file shared with a comment, and <c>/me</c>. Every other subtype
/// (<c>bot_message</c>, <c>channel_join</c>, …) is not judged. The one definition the live
/// pipeline and the export audit share.
/// </summary>
public static class MessageSubtypes
{
    public const string ThreadBroadcast = "thread_broadcast";
    public const string FileShare = "file_share";
    public const string MeMessage = "me_message";

    /// <summary>True for no subtype and for the subtypes that are a person writing.</summary>
    public static bool IsHuman(string? subtype) => subtype is null or ThreadBroadcast or FileShare or MeMessage;

    /// <summary>The same for a subtype still in UTF-8 (an unescaped JSON string's content).</summary>
    public static bool IsHuman(ReadOnlySpan<byte> subtype) =>
        subtype.SequenceEqual("thread_broadcast"u8) || subtype.SequenceEqual("file_share"u8) || subtype.SequenceEqual("me_message"u8);
}
