using System.Globalization;
using System.Security.Cryptography;
using AsyncCoach.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Installations;

/// <summary>
/// The install flow's <c>state</c>: a random nonce and its issue time, signed and encrypted with
/// Data Protection, accepted once (<see cref="IOAuthStateStore"/>) and within
/// <see cref="InstallationOptions.StateLifetime"/>. The expiry is checked on <see cref="TimeProvider"/>
/// rather than by Data Protection's time-limited protector, which reads the system clock
/// (docs/decisions.md).
/// </summary>
public sealed class OAuthStates(
    IDataProtectionProvider protection, IOAuthStateStore store, TimeProvider time, IOptions<InstallationOptions> options)
{
    private readonly IDataProtector _protector = protection.CreateProtector("AsyncCoach.Installations.OAuthState.v1");

    public string Issue()
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var issued = time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return _protector.Protect(nonce + "." + issued);
    }

    /// <summary>Checks <paramref name="state"/> and, when valid, uses it up.</summary>
    public async Task<OAuthStateCheck> UseAsync(string? state, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(state))
        {
            return OAuthStateCheck.Missing;
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(state);
        }
        catch (CryptographicException)
        {
            return OAuthStateCheck.Invalid;
        }

        var dot = payload.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !long.TryParse(payload.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var issuedMs))
        {
            return OAuthStateCheck.Invalid;
        }

        var now = time.GetUtcNow();
        var expires = DateTimeOffset.FromUnixTimeMilliseconds(issuedMs) + options.Value.StateLifetime;
        if (now >= expires)
        {
            return OAuthStateCheck.Expired;
        }

        return await store.TryUseAsync(payload[..dot], now, expires, cancellationToken) ? OAuthStateCheck.Valid : OAuthStateCheck.Replayed;
    }
}

public enum OAuthStateCheck
{
    Valid,
    Missing,
    Invalid,
    Expired,
    Replayed,
}
