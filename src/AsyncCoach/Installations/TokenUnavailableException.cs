namespace AsyncCoach.Installations;

/// <summary>
/// A team's token could not be read (its installation row, the key ring, the decryption), so the
/// Web API call was not made. Unlike a refusal (a revoked or uninstalled team, a
/// <c>SlackApiException</c> with that code) this says nothing about the installation: a later
/// attempt may find the database or key ring back. The message names the method only, never the
/// token; the cause is the inner exception.
/// </summary>
public sealed class TokenUnavailableException : Exception
{
    public TokenUnavailableException()
    {
    }

    public TokenUnavailableException(string message)
        : base(message)
    {
    }

    public TokenUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The Web API call <paramref name="method"/> (e.g. <c>chat.postMessage</c>) was not made because of <paramref name="cause"/>.</summary>
    public static TokenUnavailableException NotCalled(string method, Exception cause) =>
        new($"Slack {method} not called: the team's token could not be read ({cause.GetType().Name})", cause);
}
