namespace AsyncCoach.Norms;

/// <summary>A norms document that cannot be used: the message names the key and what was wrong.</summary>
public sealed class NormsFormatException : Exception
{
    public NormsFormatException()
    {
    }

    public NormsFormatException(string message)
        : base(message)
    {
    }

    public NormsFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
