namespace AsyncCoach.Inbox;

/// <summary>An acknowledged Events API delivery waiting to be written to the inbox journal, or read back from it.</summary>
public sealed record InboxEntry(
    string EventId,
    string TeamId,
    string? ChannelId,
    string EventType,
    DateTimeOffset ReceivedAt,
    byte[] Payload);

/// <summary>A stored row claimed for processing.</summary>
public sealed record PendingInboxRow(
    long Id,
    string EventId,
    string TeamId,
    string? ChannelId,
    string EventType,
    byte[]? Payload,
    long Attempts);
