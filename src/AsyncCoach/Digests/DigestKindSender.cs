using System.Globalization;
using System.Text.Json;
using AsyncCoach.Core.Digests;
using AsyncCoach.Nudges;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;

namespace AsyncCoach.Digests;

/// <summary>
/// The outbox kind <c>digest</c>: reads the week's figures, opens the DM with the lead
/// (<c>conversations.open</c>) and posts the digest there (<c>chat.postMessage</c>). The outbox
/// claimed the row before this runs, so a crash between the two calls never sends twice.
/// </summary>
public sealed class DigestKindSender(DigestComposer composer, IDigestSettingsStore settings, TimeProvider time) : IOutboxKindSender
{
    public const string DigestKind = "digest";

    public string Kind => DigestKind;

    public async Task SendAsync(OutboxRow row, ISlackWebApi slack, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize(row.ContentJson!, DigestJsonContext.Default.DigestPayload)
            ?? throw new JsonException("empty digest payload");
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(payload.Zone, out var found) ? found : TimeZoneInfo.Utc;
        var monday = DateOnly.ParseExact(payload.WeekMonday, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var setting = await settings.GetAsync(row.TeamId, row.AuthorId, cancellationToken)
            ?? DigestSetting.Default(row.TeamId, row.AuthorId, time.GetUtcNow());

        // The slot's week is under way: the digest reports the last full week before it.
        var week = DigestWeek.Starting(monday, zone).Before(1, zone);
        var message = await composer.ComposeAsync(setting, zone, week, payload.Late, cancellationToken);
        var open = await slack.OpenConversationAsync(new OpenConversationRequest([row.AuthorId]), cancellationToken);
        var channel = open.Channel?.Id is { Length: > 0 } id ? id
            : throw new SlackApiException("conversations.open", SlackErrorCodes.InvalidResponse, "no channel in the answer");
        await slack.PostMessageAsync(message.ToPostMessage(channel), cancellationToken);
    }
}
