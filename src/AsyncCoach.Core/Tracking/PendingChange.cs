using AsyncCoach.Core.Rules;

namespace AsyncCoach.Core.Tracking;

/// <summary>
/// A pending finding that began (<see cref="Due"/> set: released then unless a follow-up cancels it)
/// or ended (<see cref="Due"/> null: released, cancelled, retracted or replaced).
/// </summary>
public sealed record PendingChange(Finding Finding, DateTimeOffset? Due);
