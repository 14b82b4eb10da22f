namespace AsyncCoach.Audit;

/// <summary>
/// One entry of a day file, reduced to the fields the audit reads. <see cref="Text"/> lives only
/// until the message has been evaluated.
/// </summary>
internal readonly record struct ExportMessage(
    int Index,
    string Ts,
    long Micros,
    string? User,
    string? Text,
    string? Subtype,
    string? ThreadTs,
    bool HasBotId);
