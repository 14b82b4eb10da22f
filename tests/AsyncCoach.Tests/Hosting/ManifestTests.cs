namespace AsyncCoach.Tests.Hosting;

/// <summary>
/// manifest.yml (HTTP) and manifest.socket-mode.yml against the facts of slack-platform.md §10:
/// the same scopes and events in both, every event's scope granted, request URLs only over HTTP.
/// The manifests are simple YAML, so a line reader is enough (and no YAML package is needed).
/// </summary>
public sealed class ManifestTests
{
    /// <summary>Scope each subscribed bot event needs (slack-platform.md §10, from slack-api-ref's events index).</summary>
    private static readonly Dictionary<string, string?> EventScopes = new(StringComparer.Ordinal)
    {
        ["message.channels"] = "channels:history",
        ["message.groups"] = "groups:history",
        ["message.im"] = "im:history",
        ["message.mpim"] = "mpim:history",
        ["app_mention"] = "app_mentions:read",
        ["app_home_opened"] = null,
        ["app_uninstalled"] = null,
        ["tokens_revoked"] = null,
        ["member_joined_channel"] = null,
        ["user_huddle_changed"] = null,
        // slack-platform.md §4: user_change (like its siblings) needs users:read; so does team_join (Slack's event reference).
        ["user_change"] = "users:read",
        ["team_join"] = "users:read",
    };

    private static string Manifest(string name)
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AsyncCoach.sln")))
        {
            directory = directory.Parent;
        }

        Assert.That(directory, Is.Not.Null, "the repository root (AsyncCoach.sln) above the test directory");
        return File.ReadAllText(Path.Combine(directory!.FullName, name));
    }

    /// <summary>The items of the list under <paramref name="key"/> (e.g. <c>bot:</c>), comments skipped.</summary>
    private static List<string> ListUnder(string manifest, string key)
    {
        var lines = manifest.Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == key);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"no '{key}' in the manifest");
        var indent = lines[start].Length - lines[start].TrimStart().Length;
        var items = new List<string>();
        foreach (var line in lines.Skip(start + 1))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            if (line.Length - line.TrimStart().Length <= indent || !trimmed.StartsWith("- ", StringComparison.Ordinal))
            {
                break;
            }

            items.Add(trimmed[2..].Trim());
        }

        return items;
    }

    private static string? Value(string manifest, string key) =>
        manifest.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal))?[(key.Length + 1)..].Trim();

    private static IEnumerable<string> UrlLines(string manifest) =>
        manifest.Split('\n').Select(l => l.Trim()).Where(l => !l.StartsWith('#') && (l.StartsWith("url:", StringComparison.Ordinal) || l.StartsWith("request_url:", StringComparison.Ordinal)));

    [Test]
    public void Both_manifests_ask_for_the_same_scopes_and_events()
    {
        var http = Manifest("manifest.yml");
        var socket = Manifest("manifest.socket-mode.yml");

        Assert.That(ListUnder(socket, "bot:"), Is.EquivalentTo(ListUnder(http, "bot:")));
        Assert.That(ListUnder(socket, "bot_events:"), Is.EquivalentTo(ListUnder(http, "bot_events:")));
        Assert.That(Value(socket, "- command"), Is.EqualTo(Value(http, "- command")).And.EqualTo("/async"));
    }

    [TestCase("manifest.yml")]
    [TestCase("manifest.socket-mode.yml")]
    public void Every_event_has_its_scope_and_the_command_and_messages_tab_are_set_up(string name)
    {
        var manifest = Manifest(name);
        var scopes = ListUnder(manifest, "bot:");

        foreach (var bot in ListUnder(manifest, "bot_events:"))
        {
            Assert.That(EventScopes.ContainsKey(bot), Is.True, $"{name}: {bot} is not an event slack-platform.md §10 lists");
            if (EventScopes[bot] is { } scope)
            {
                Assert.That(scopes, Has.Member(scope), $"{name}: {bot} needs {scope}");
            }
        }

        Assert.That(scopes, Has.Member("commands").And.Member("chat:write").And.Member("im:write").And.Member("users:read"));
        Assert.That(Value(manifest, "messages_tab_enabled"), Is.EqualTo("true"), "without it DMs fail with messages_tab_disabled");
        Assert.That(Value(manifest, "is_enabled"), Is.EqualTo("true"), "interactivity, for the nudge buttons");
    }

    [Test]
    public void The_HTTP_manifest_has_https_request_urls_and_Socket_Mode_off()
    {
        var manifest = Manifest("manifest.yml");

        Assert.That(Value(manifest, "socket_mode_enabled"), Is.EqualTo("false"));
        var urls = UrlLines(manifest).ToList();
        Assert.That(urls, Has.Count.EqualTo(3), "commands, events and interactivity");
        Assert.That(urls.Select(u => u[(u.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()), Is.All.StartsWith("https://"));
        Assert.That(urls.Select(u => u[u.LastIndexOf('/')..]), Is.EquivalentTo(new[] { "/commands", "/events", "/interactivity" }));
    }

    [Test]
    public void The_Socket_Mode_manifest_has_Socket_Mode_on_and_no_request_urls()
    {
        var manifest = Manifest("manifest.socket-mode.yml");

        Assert.That(Value(manifest, "socket_mode_enabled"), Is.EqualTo("true"));
        Assert.That(UrlLines(manifest), Is.Empty);
        Assert.That(manifest, Does.Not.Contain("asynccoach.example.com"));
    }
}
