namespace AsyncCoach.Audit;

/// <summary>
/// The export cannot be audited as given: a missing or corrupt file, or a message the audit
/// cannot place. The message names the file (and entry); the audit exits with code 2.
/// </summary>
public sealed class ExportFormatException : Exception
{
    public ExportFormatException()
    {
    }

    public ExportFormatException(string message)
        : base(message)
    {
    }

    public ExportFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
