using AsyncCoach.Core.Model;

namespace AsyncCoach.Core.Tracking;

/// <summary>A top-level message as message-burst remembers it: author, time, and whether it was under 80 characters.</summary>
public readonly record struct TopLevelEntry(UserId Author, DateTimeOffset Time, bool IsShort);
