namespace AsyncCoach.Audit;

/// <summary>A file inside an export, by its path relative to the export root ('/' separated).</summary>
public sealed record ExportEntry(string Path, long Length);
