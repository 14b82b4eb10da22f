namespace AsyncCoach.Storage;

/// <summary>Where AsyncCoach keeps its state, bound from the <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Only <c>sqlite</c> is implemented so far.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>A Microsoft.Data.Sqlite connection string; by default a file in the working directory.</summary>
    public string ConnectionString { get; set; } = "Data Source=asynccoach.db";
}
