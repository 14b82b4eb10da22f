namespace AsyncCoach.Digests;

/// <summary>The weekly digest's scheduler (<c>Digests:*</c>).</summary>
public sealed class DigestOptions
{
    public const string Section = "Digests";

    /// <summary>How often the scheduler looks for leads whose slot has come.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A digest handed to the outbox later than this after its slot is marked late (downtime).</summary>
    public TimeSpan LateAfter { get; set; } = TimeSpan.FromMinutes(15);
}
