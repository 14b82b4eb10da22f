namespace AsyncCoach.Digests;

/// <summary>An option of the <c>digest</c> verb that does not fit the export (a week, a lead, a channel); the message names it.</summary>
public sealed class DigestUsageException : Exception
{
    public DigestUsageException()
    {
    }

    public DigestUsageException(string message)
        : base(message)
    {
    }

    public DigestUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
