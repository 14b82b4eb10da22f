using System.Text.Json;
using AsyncCoach.Core.Nudges;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;

namespace AsyncCoach.Nudges;

/// <summary>A nudge: an ephemeral in the message's channel (in its thread), or a DM to the author.</summary>
public sealed class NudgeKindSender : IOutboxKindSender
{
    public string Kind => IOutboxStore.NudgeKind;

    public async Task SendAsync(OutboxRow row, ISlackWebApi slack, CancellationToken cancellationToken)
    {
        // A nudge the inbox round handed over carries the words it composed: parsing the stored
        // JSON again was a second read of what the round had just written (issue #17).
        var content = row.Payload as NudgeContent
            ?? JsonSerializer.Deserialize(row.ContentJson!, NudgeJsonContext.Default.NudgeContent)
            ?? throw new JsonException("empty nudge content");
        var message = NudgeBlocks.Build(content, row.Id);
        if (row.Delivery == nameof(NudgeDelivery.Dm))
        {
            // A user id as channel posts in the app's Messages tab with the author.
            await slack.PostMessageAsync(message.ToPostMessage(row.AuthorId), cancellationToken);
        }
        else
        {
            await slack.PostEphemeralAsync(message.ToPostEphemeral(row.ChannelId, row.AuthorId, row.ThreadTs), cancellationToken);
        }
    }
}
