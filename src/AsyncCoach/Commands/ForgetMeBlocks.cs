using System.Globalization;
using AsyncCoach.Slack.BlockKit;
using AsyncCoach.Storage;

namespace AsyncCoach.Commands;

/// <summary>
/// <c>/async forget-me</c>'s private question: what will be deleted, with a confirm and a cancel
/// button. The confirm button's value names the team, the person and when it was asked
/// (<c>T…|U…|unix seconds</c>); the handler deletes only the clicking person's data in the
/// clicking person's team, and refuses a value that names anyone else or is older than <see cref="Lifetime"/>.
/// </summary>
public static class ForgetMeBlocks
{
    public const string Prefix = "forget:";
    public const string Confirm = "forget:confirm";
    public const string Cancel = "forget:cancel";

    /// <summary>How long the confirmation stays usable: as long as its <c>response_url</c> does.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public static CommandReply Question(string teamId, string userId, DateTimeOffset now)
    {
        var listed = string.Join('\n', PersonDataKinds.All.Select(p => "• " + p.Label).Distinct(StringComparer.Ordinal));
        var text = "*Delete your AsyncCoach data in this workspace?*\nThis deletes, at once and for good:\n" + listed + "\n" +
            "Only yours, only in this workspace. If you opted out, you stay opted out. Team norms that name you (such as the leads) are the team's and stay.\n" +
            "AsyncCoach keeps coaching your future messages unless you opt out (`/async optout`).";
        var value = string.Join('|', teamId, userId, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        List<Block> blocks =
        [
            SectionBlock.Markdown(text),
            new ActionsBlock(
            [
                new ButtonElement("Delete my data", Confirm, value) { Style = ButtonStyle.Danger },
                new ButtonElement("Cancel", Cancel, "cancel"),
            ]) { BlockId = "forget_actions" },
        ];
        return CommandReply.Ephemeral("Delete your AsyncCoach data in this workspace? Confirm with the button.", blocks);
    }

    /// <summary>Reads a confirm button's value; false when it is not one this service made.</summary>
    public static bool TryRead(string? value, out string teamId, out string userId, out DateTimeOffset askedAt)
    {
        teamId = userId = "";
        askedAt = default;
        var parts = value?.Split('|');
        if (parts is not { Length: 3 } || parts[0].Length == 0 || parts[1].Length == 0
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        (teamId, userId, askedAt) = (parts[0], parts[1], DateTimeOffset.FromUnixTimeSeconds(seconds));
        return true;
    }
}
