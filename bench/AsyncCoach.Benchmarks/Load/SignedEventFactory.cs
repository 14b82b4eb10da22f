using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AsyncCoach.Benchmarks.Load;

/// <summary>
/// Builds complete HTTP/1.1 requests carrying a signed <c>event_callback</c> with a unique
/// event_id and a realistic message: about a third of them raise a finding.
/// </summary>
public sealed class SignedEventFactory(Uri url, string secret, double findingShare, int teams = 1)
{
    private static readonly string[] Plain =
    [
        "Deployed the fix for the login timeout, release notes are in the thread",
        "Thanks! That worked. I'll update the runbook with the new steps",
        "Can you review PR 482 by Thursday? It touches the billing export",
        "Here's the summary from the design review: we keep option B and revisit in Q3",
        "quick question: what's the staging URL for the payments service?",
        "FYI the office wifi will be down on Saturday morning for maintenance",
    ];

    private static readonly string[] WithFinding =
    [
        "hi",
        "hey <@U0002> got a minute?",
        "can we hop on a call about the migration?",
        "need this asap",
        "<!channel> lunch is here",
        "you around?",
    ];

    private readonly byte[] _key = Encoding.UTF8.GetBytes(secret);
    private long _sequence;
    private long _lastMicros;

    public byte[] Next() => Next(url);

    /// <summary>A request for <paramref name="target"/> (its path and Host header), for a load spread over several instances.</summary>
    public byte[] Next(Uri target)
    {
        var now = DateTimeOffset.UtcNow;
        var bodyBytes = Body(now);
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Sign(timestamp, bodyBytes);
        var head = string.Create(CultureInfo.InvariantCulture,
            $"POST {target.AbsolutePath} HTTP/1.1\r\nHost: {target.Authority}\r\nContent-Type: application/json\r\nX-Slack-Request-Timestamp: {timestamp}\r\nX-Slack-Signature: {signature}\r\nContent-Length: {bodyBytes.Length}\r\n\r\n");
        var headBytes = Encoding.ASCII.GetBytes(head);
        var request = new byte[headBytes.Length + bodyBytes.Length];
        headBytes.CopyTo(request, 0);
        bodyBytes.CopyTo(request, headBytes.Length);
        return request;
    }

    /// <summary>The next <c>event_callback</c> body alone (what a Socket Mode <c>events_api</c> envelope carries as its payload).</summary>
    public byte[] Body(DateTimeOffset now)
    {
        var n = Interlocked.Increment(ref _sequence);
        var pool = (n % 100) < findingShare * 100 ? WithFinding : Plain;
        var text = pool[n % pool.Length];
        var user = $"U{(n % 400) + 1000:D6}";
        var channel = $"C{(n % 50) + 100:D6}";
        // Workspaces T0LOAD, T1LOAD, …: a hosted instance serves many, each with its own Slack limits.
        var team = string.Create(CultureInfo.InvariantCulture, $"T{n % teams}LOAD");
        // The message ts is the send instant (µs, unique): the nudge's delay is measured from it.
        var micros = UniqueMicros(now);
        var ts = string.Create(CultureInfo.InvariantCulture, $"{micros / 1_000_000}.{micros % 1_000_000:D6}");
        var body = string.Create(CultureInfo.InvariantCulture,
            $$"""{"token":"x","team_id":"{{team}}","api_app_id":"A0LOAD","type":"event_callback","event_id":"EvLoad{{n}}{{Environment.ProcessId}}","event_time":{{now.ToUnixTimeSeconds()}},"event":{"type":"message","channel":"{{channel}}","channel_type":"channel","user":"{{user}}","text":"{{text}}","ts":"{{ts}}","event_ts":"{{ts}}","client_msg_id":"{{Guid.NewGuid()}}"},"authorizations":[{"team_id":"{{team}}","user_id":"U0BOT","is_bot":true}]}""");
        return Encoding.UTF8.GetBytes(body);
    }

    private long UniqueMicros(DateTimeOffset now)
    {
        var micros = (now - DateTimeOffset.UnixEpoch).Ticks / 10;
        while (true)
        {
            var last = Interlocked.Read(ref _lastMicros);
            var next = Math.Max(micros, last + 1);
            if (Interlocked.CompareExchange(ref _lastMicros, next, last) == last)
            {
                return next;
            }
        }
    }

    private string Sign(string timestamp, byte[] body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(Encoding.ASCII.GetBytes($"v0:{timestamp}:"));
        hmac.AppendData(body);
        return "v0=" + Convert.ToHexStringLower(hmac.GetHashAndReset());
    }
}
