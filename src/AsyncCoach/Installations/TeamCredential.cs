namespace AsyncCoach.Installations;

/// <summary>What a team's Web API calls go out with: a token, nothing (dry-run), or a refusal.</summary>
public readonly record struct TeamCredential(TeamCredentialKind Kind, string? Token, string? Reason)
{
    public static TeamCredential DryRun => new(TeamCredentialKind.DryRun, null, null);

    public static TeamCredential WithToken(string token) => new(TeamCredentialKind.Token, token, null);

    /// <summary>No call may be made for the team: its token stopped working or it left (<paramref name="reason"/> is the code callers see).</summary>
    public static TeamCredential Refused(string reason) => new(TeamCredentialKind.Refused, null, reason);

    // A record prints its members; this one must never print the token.
    public override string ToString() => Kind == TeamCredentialKind.Refused ? $"{Kind} ({Reason})" : Kind.ToString();
}

public enum TeamCredentialKind
{
    Token,
    DryRun,
    Refused,
}
