using AsyncCoach.Core.Model;
using AsyncCoach.Slack.Events;

namespace AsyncCoach.Pipeline;

/// <summary>Turns a Slack message event into the rules' <see cref="ChatMessage"/>, or null when it is not one.</summary>
public static class SlackMessageMapper
{
    public static ChatMessage? ToChatMessage(string teamId, string? channel, string? channelType, SlackEvent message)
    {
        if (channel is null || message.User is null || !MessageTs.IsValid(message.Ts))
        {
            return null;
        }

        var kind = ConversationKinds.Parse(channelType) ?? KindFromId(channel);
        var threadTs = MessageTs.IsValid(message.ThreadTs) ? new MessageTs(message.ThreadTs!) : (MessageTs?)null;
        return new ChatMessage(new TeamId(teamId), new ChannelId(channel), kind, new UserId(message.User),
            new MessageTs(message.Ts!), threadTs, message.Text ?? "");
    }

    /// <summary>Edits carry no channel_type; the id's first letter tells DMs (D) from channels.</summary>
    public static ConversationKind KindFromId(string channel) => channel switch
    {
        ['D', ..] => ConversationKind.Im,
        ['G', ..] => ConversationKind.Group,
        _ => ConversationKind.Channel,
    };
}
