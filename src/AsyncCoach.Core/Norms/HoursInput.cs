namespace AsyncCoach.Core.Norms;

/// <summary>What <c>/async hours</c> was given: the hours, and a time zone id when one was named.</summary>
public sealed record HoursInput(WorkingHours Hours, string? TimeZoneId);
