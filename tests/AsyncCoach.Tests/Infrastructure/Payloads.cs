using System.Text.Json.Nodes;

namespace AsyncCoach.Tests.Infrastructure;

/// <summary>Builders for Events API bodies, and access to the copied Slack fixtures.</summary>
public static class Payloads
{
    public static string Fixture(string relativePath) =>
        File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", relativePath));

    public static string MessageEvent(
        string eventId,
        string text = "hello",
        string channel = "C0001",
        string user = "U0001",
        string ts = "1760000000.000100",
        string channelType = "channel",
        string? threadTs = null,
        string team = "T0001")
    {
        var inner = new JsonObject
        {
            ["type"] = "message",
            ["channel"] = channel,
            ["channel_type"] = channelType,
            ["user"] = user,
            ["text"] = text,
            ["ts"] = ts,
            ["event_ts"] = ts,
        };
        if (threadTs is not null)
        {
            inner["thread_ts"] = threadTs;
        }

        return new JsonObject
        {
            ["token"] = "deprecated",
            ["team_id"] = team,
            ["api_app_id"] = "A0001",
            ["type"] = "event_callback",
            ["event_id"] = eventId,
            ["event_time"] = 1760000000,
            ["event"] = inner,
        }.ToJsonString();
    }
}
