namespace AsyncCoach.Storage;

/// <summary>Install links (OAuth <c>state</c> nonces) already used, so each is accepted once.</summary>
public interface IOAuthStateStore
{
    /// <summary>
    /// Records the nonce as used, kept until <paramref name="expiresAt"/> (a retention pass deletes
    /// it after); false when it already was (a replay). Atomic: of two racing callbacks with the
    /// same nonce, even on different instances, exactly one gets true.
    /// </summary>
    Task<bool> TryUseAsync(string nonce, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}
