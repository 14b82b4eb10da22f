namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// This process among the instances sharing one database: the owner named on the leases it takes.
/// New at every start, so a restarted instance never mistakes its predecessor's leases for its own.
/// </summary>
public sealed class InstanceIdentity
{
    public string Id { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..12]}";
}
