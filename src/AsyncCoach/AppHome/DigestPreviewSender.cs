using AsyncCoach.Commands;
using AsyncCoach.Digests;
using AsyncCoach.Nudges;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;

namespace AsyncCoach.AppHome;

/// <summary>
/// The outbox kind <c>digest-preview</c>, asked for by a lead's "Preview digest" button on the
/// Home tab: this week so far, built when sent from the live aggregates (the same
/// <see cref="DigestComposer"/> as the weekly digest and <c>/async digest preview</c>), and posted
/// to the lead alone in the app's DM.
/// </summary>
public sealed class DigestPreviewSender(
    DigestComposer composer, IDigestSettingsStore settings, IPersonSettingsStore people, PersonZones zones, TimeProvider time) : IOutboxKindSender
{
    public const string PreviewKind = "digest-preview";

    public string Kind => PreviewKind;

    public async Task SendAsync(OutboxRow row, ISlackWebApi slack, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var setting = await settings.GetAsync(row.TeamId, row.AuthorId, cancellationToken) ?? DigestSetting.Default(row.TeamId, row.AuthorId, now);
        var zone = await zones.GetAsync(row.TeamId, await people.GetAsync(row.TeamId, row.AuthorId, cancellationToken), cancellationToken);
        var message = await composer.PreviewAsync(setting, zone, now, cancellationToken);
        var open = await slack.OpenConversationAsync(new OpenConversationRequest([row.AuthorId]), cancellationToken);
        var channel = open.Channel?.Id is { Length: > 0 } id ? id
            : throw new SlackApiException("conversations.open", SlackErrorCodes.InvalidResponse, "no channel in the answer");
        await slack.PostMessageAsync(message.ToPostMessage(channel), cancellationToken);
    }
}
