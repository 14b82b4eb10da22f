using AsyncCoach.Caching;

namespace AsyncCoach.Installations;

/// <summary>
/// Decrypted bot tokens, one per installation, kept with the protected payload they came from.
/// Decrypting (Data Protection: key ring lookup, AES and HMAC) on every Web API call was about 4 %
/// of a sent message's CPU. A token is served only while the installation's stored payload is the
/// same string, so a reinstall or a rotation (a new payload) is decrypted afresh on its first
/// call, and a revoked or uninstalled team is forgotten (<see cref="Forget"/>). Bounded like the
/// installation cache (<see cref="CacheOptions.MaxTeams"/>, <see cref="CacheOptions.MaxAge"/>).
/// </summary>
internal sealed class ClearTokens(ITokenProtector protector, CacheOptions bounds, TimeProvider time) : IDisposable
{
    private readonly BoundedCache<string, Entry> _tokens = new(bounds.MaxTeams, bounds.MaxAge, time);

    /// <summary>The clear token of <paramref name="protectedToken"/>, stored for <paramref name="installationId"/>.</summary>
    public string Get(string installationId, string protectedToken)
    {
        if (_tokens.TryGet(installationId, out var entry) && entry is not null
            && string.Equals(entry.Protected, protectedToken, StringComparison.Ordinal))
        {
            return entry.Token;
        }

        var token = protector.Unprotect(protectedToken);
        _tokens.Set(installationId, new Entry(protectedToken, token));
        return token;
    }

    public void Forget(string installationId) => _tokens.Remove(installationId);

    public void Dispose() => _tokens.Dispose();

    private sealed record Entry(string Protected, string Token)
    {
        // A record prints its members; this one must never print the token.
        public override string ToString() => nameof(Entry);
    }
}
