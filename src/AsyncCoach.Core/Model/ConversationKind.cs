namespace AsyncCoach.Core.Model;

/// <summary>Slack's <c>channel_type</c>: public channel, private channel, DM, group DM, App Home.</summary>
public enum ConversationKind
{
    Channel,
    Group,
    Im,
    Mpim,
    AppHome,
}

public static class ConversationKinds
{
    public static ConversationKind? Parse(string? channelType) => channelType switch
    {
        "channel" => ConversationKind.Channel,
        "group" => ConversationKind.Group,
        "im" => ConversationKind.Im,
        "mpim" => ConversationKind.Mpim,
        "app_home" => ConversationKind.AppHome,
        _ => null,
    };

    public static string ToSlack(this ConversationKind kind) => kind switch
    {
        ConversationKind.Channel => "channel",
        ConversationKind.Group => "group",
        ConversationKind.Im => "im",
        ConversationKind.Mpim => "mpim",
        _ => "app_home",
    };

    /// <summary>A DM or group DM: every member is addressed by every message.</summary>
    public static bool IsDirect(this ConversationKind kind) => kind is ConversationKind.Im or ConversationKind.Mpim;
}
