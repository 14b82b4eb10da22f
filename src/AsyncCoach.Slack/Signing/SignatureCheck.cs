namespace AsyncCoach.Slack.Signing;

/// <summary>The outcome of checking a request's Slack signature, with a one-line reason on failure.</summary>
public enum SignatureCheck
{
    Valid,
    MissingTimestamp,
    MissingSignature,
    MalformedTimestamp,
    MalformedSignature,
    StaleTimestamp,
    Mismatch,
}

public static class SignatureCheckExtensions
{
    public static string Reason(this SignatureCheck check) => check switch
    {
        SignatureCheck.Valid => "valid",
        SignatureCheck.MissingTimestamp => "missing X-Slack-Request-Timestamp header",
        SignatureCheck.MissingSignature => "missing X-Slack-Signature header",
        SignatureCheck.MalformedTimestamp => "X-Slack-Request-Timestamp is not Unix seconds",
        SignatureCheck.MalformedSignature => "X-Slack-Signature is not of the form v0=<64 hex digits>",
        SignatureCheck.StaleTimestamp => "request timestamp is more than 5 minutes from now",
        _ => "signature does not match the request body",
    };
}
