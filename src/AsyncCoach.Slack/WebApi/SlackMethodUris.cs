using System.Collections.Concurrent;

namespace AsyncCoach.Slack.WebApi;

/// <summary>
/// Absolute method URLs (<c>https://slack.com/api/chat.postEphemeral</c>), each made once: a
/// relative request URI is parsed and combined with the client's base address on every call.
/// </summary>
internal sealed class SlackMethodUris(Uri baseAddress)
{
    private readonly ConcurrentDictionary<string, Uri> _uris = new(StringComparer.Ordinal);

    public Uri BaseAddress => baseAddress;

    public Uri For(string method) => _uris.GetOrAdd(method, static (name, root) => new Uri(root, name), baseAddress);

    /// <summary><c>Slack:ApiBaseUrl</c> ending with '/', so method names resolve under it.</summary>
    public static Uri Normalize(Uri apiBaseUrl)
    {
        var text = apiBaseUrl.ToString();
        return new Uri(text.EndsWith('/') ? text : text + "/");
    }
}
