using AsyncCoach.Core.Model;

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
    ExportSubtype Subtype,
    string? ThreadTs,
    bool HasBotId)
{
    /// <summary>Subtypes that are a person writing; every other subtype (bot_message, channel_join, …) is skipped.</summary>
    public static ExportSubtype SubtypeOf(string? subtype) => subtype switch
    {
        null => ExportSubtype.None,
        _ when MessageSubtypes.IsHuman(subtype) => ExportSubtype.Human,
        _ => ExportSubtype.Other,
    };
}

/// <summary>What a message's <c>subtype</c> says about its author.</summary>
internal enum ExportSubtype
{
    /// <summary>No subtype (or null): a person's message.</summary>
    None,

    /// <summary>A subtype that is still a person writing (a broadcast thread reply, a file share, /me).</summary>
    Human,

    /// <summary>Any other subtype, or a subtype that is not a string: skipped.</summary>
    Other,
}
