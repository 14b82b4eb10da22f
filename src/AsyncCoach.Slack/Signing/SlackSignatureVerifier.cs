using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace AsyncCoach.Slack.Signing;

/// <summary>
/// Verifies Slack's v0 request signature: HMAC-SHA256 over <c>v0:{timestamp}:{raw body}</c> keyed
/// with the signing secret, compared in constant time, within a 5-minute window measured with the
/// injected clock (https://docs.slack.dev/authentication/verifying-requests-from-slack).
/// </summary>
public sealed class SlackSignatureVerifier
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private const int SignatureHexLength = 64;
    private static readonly byte[] VersionPrefix = "v0:"u8.ToArray();

    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public SlackSignatureVerifier(string signingSecret, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);
        _key = Encoding.UTF8.GetBytes(signingSecret);
        _time = time;
    }

    public SignatureCheck Verify(string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestampHeader))
        {
            return SignatureCheck.MissingTimestamp;
        }

        if (string.IsNullOrEmpty(signatureHeader))
        {
            return SignatureCheck.MissingSignature;
        }

        if (!long.TryParse(timestampHeader, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureCheck.MalformedTimestamp;
        }

        Span<byte> expected = stackalloc byte[SignatureHexLength / 2];
        if (!TryDecodeSignature(signatureHeader, expected))
        {
            return SignatureCheck.MalformedSignature;
        }

        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - seconds) > (long)Window.TotalSeconds)
        {
            return SignatureCheck.StaleTimestamp;
        }

        Span<byte> actual = stackalloc byte[HMACSHA256.HashSizeInBytes];
        ComputeHash(timestampHeader, body, actual);
        return CryptographicOperations.FixedTimeEquals(actual, expected) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    /// <summary>The header value Slack would send for this body; used by tests and the load script.</summary>
    public string Sign(string timestamp, ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        ComputeHash(timestamp, body, hash);
        return "v0=" + Convert.ToHexStringLower(hash);
    }

    private void ComputeHash(string timestamp, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(VersionPrefix);
        Span<byte> ts = stackalloc byte[32];
        var written = Encoding.ASCII.GetBytes(timestamp, ts);
        hmac.AppendData(ts[..written]);
        hmac.AppendData(":"u8);
        hmac.AppendData(body);
        hmac.GetHashAndReset(destination);
    }

    private static bool TryDecodeSignature(string header, Span<byte> destination)
    {
        if (header.Length != 3 + SignatureHexLength || !header.StartsWith("v0=", StringComparison.Ordinal))
        {
            return false;
        }

        var hex = header.AsSpan(3);
        return Convert.FromHexString(hex, destination, out _, out var written) == OperationStatus.Done
            && written == destination.Length;
    }
}
