namespace AsyncCoach.Installations;

/// <summary>Installations: where the token encryption keys live (<c>Installations</c> section).</summary>
public sealed class InstallationOptions
{
    public const string Section = "Installations";

    /// <summary>
    /// The Data Protection key ring folder. Default: beside the SQLite file (<c>{database}.keys</c>).
    /// Whoever can read it and the database can read the tokens: keep it as private as the database.
    /// </summary>
    public string? KeyRingPath { get; set; }
}
