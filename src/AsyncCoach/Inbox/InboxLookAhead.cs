using System.Text.Json;
using AsyncCoach.Core.Model;
using AsyncCoach.Pipeline;
using AsyncCoach.Slack.Events;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Workspace;

namespace AsyncCoach.Inbox;

/// <summary>
/// Starts what an acknowledged event will need from Slack before its turn in a processing round:
/// its workspace's people (listed once, <c>users.list</c>), and the people and members its
/// message reaches; and takes <c>user_change</c>/<c>team_join</c> into the directory as soon as
/// they are seen. Lookups run on the thread pool within each workspace's own budget; the
/// processor only looks at whether they are done (<see cref="LookAheadWindow"/>). Inactive in
/// dry-run, where there is no Slack to ask.
/// </summary>
public sealed partial class InboxLookAhead(
    IWorkspaceDirectory directory, MessageContextLoader contexts, InboxSignal signal, TimeProvider time, ILogger<InboxLookAhead> logger) : IDisposable
{
    private readonly SlackWorkspaceDirectory? _live = directory as SlackWorkspaceDirectory;
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>False without a live directory: the processor then takes events strictly in order, as they come.</summary>
    public bool IsActive => _live is not null;

    /// <summary>Never throws: an event the look-ahead cannot make sense of goes to processing as it is, which records why.</summary>
    public PreparedEvent Prepare(InboxEntry entry)
    {
        var since = time.GetUtcNow();
        try
        {
            return Start(entry, since);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.PrepareFailed(logger, entry.EventType, ex);
            return new PreparedEvent(null, Task.CompletedTask, since);
        }
    }

    private PreparedEvent Start(InboxEntry entry, DateTimeOffset since)
    {
        EventEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(entry.Payload, SlackEventsJsonContext.Default.EventEnvelope);
        }
        catch (JsonException)
        {
            // Processing reads it again and records why it cannot be used.
            return new PreparedEvent(null, Task.CompletedTask, since);
        }

        if (_live is null || envelope?.Event is not { } slackEvent)
        {
            return new PreparedEvent(envelope, Task.CompletedTask, since);
        }

        var team = new TeamId(entry.TeamId);
        _ = _live.WarmAsync(team);
        var lookups = Task.CompletedTask;
        switch (slackEvent.Type)
        {
            case "user_change" or "team_join":
                if (ReadUser(entry.Payload) is { } user)
                {
                    _live.Remember(team, user);
                }

                break;
            case "message" when EventDispatcher.IsJudgedMessage(envelope)
                && RulesMessagePipeline.MessageToJudge(entry.TeamId, slackEvent) is { } message:
                lookups = contexts.PrepareAsync(message, _stopping.Token);
                break;
        }

        if (!lookups.IsCompleted)
        {
            // The processor may be waiting for exactly this event: wake it once its lookups are in.
            lookups = lookups.ContinueWith(static (_, state) => ((InboxSignal)state!).Notify(), signal,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return new PreparedEvent(envelope, lookups, since);
    }

    /// <summary>The <c>user</c> object of a <c>user_change</c> or <c>team_join</c> event (the envelope model reads <c>user</c> as an id).</summary>
    private SlackUser? ReadUser(byte[] payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.TryGetProperty("event", out var inner)
                && inner.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object
                ? user.Deserialize(SlackJsonContext.Default.SlackUser)
                : null;
        }
        catch (JsonException ex)
        {
            Log.UnreadableUser(logger, ex.GetType().Name);
            return null;
        }
    }

    public void Dispose() => _stopping.Cancel();

    private static partial class Log
    {
        [LoggerMessage(EventId = 2711, Level = LogLevel.Warning, Message = "Could not start the lookups of a {EventType} event; it is processed with what is known")]
        public static partial void PrepareFailed(ILogger logger, string eventType, Exception exception);

        [LoggerMessage(EventId = 2710, Level = LogLevel.Warning, Message = "A user_change or team_join event had a user that could not be read ({Error}); that person is looked up when needed")]
        public static partial void UnreadableUser(ILogger logger, string error);
    }
}

/// <summary>An event the look-ahead has started on: its envelope (read once), its lookups and since when they run.</summary>
public sealed record PreparedEvent(EventEnvelope? Envelope, Task Lookups, DateTimeOffset Since);
