using System.Globalization;
using AsyncCoach.Core.Norms;
using AsyncCoach.Digests;
using AsyncCoach.Slack.Commands;
using AsyncCoach.Storage;

namespace AsyncCoach.Commands;

/// <summary>
/// <c>/async digest</c> for the team's leads (the <c>leads</c> norm): shows the setting, and
/// <c>at mon 09:00</c>, <c>off</c>, <c>on</c>, <c>channels #eng #design</c> / <c>channels all</c>,
/// <c>preview</c> (this week so far, privately). Anyone else gets a polite answer naming the leads.
/// </summary>
public sealed class DigestSubcommand(
    INormsStore norms, IDigestSettingsStore settings, IPersonSettingsStore people, PersonZones zones, DigestComposer composer, TimeProvider time)
{
    private const string Usage = "`/async digest` (your setting), `/async digest at mon 09:00`, `/async digest off`, `/async digest on`, `/async digest channels #eng #design` (or `channels all`), `/async digest preview`";
    private const string AtExample = "/async digest at mon 09:00";
    private const string ChannelsExample = "/async digest channels #eng #design (pick channels from Slack's # autocomplete), or /async digest channels all";

    public async Task<CommandReply> HandleAsync(SlashCommand command, string args, CancellationToken cancellationToken)
    {
        var team = await norms.GetAsync(command.TeamId, cancellationToken);
        if (!team.Leads.Contains(command.UserId))
        {
            return CommandReply.Ephemeral(NotALead(team));
        }

        var now = time.GetUtcNow();
        var setting = await settings.GetAsync(command.TeamId, command.UserId, cancellationToken)
            ?? DigestSetting.Default(command.TeamId, command.UserId, now);
        var zone = await zones.GetAsync(command.TeamId, await people.GetAsync(command.TeamId, command.UserId, cancellationToken), cancellationToken);
        var (verb, rest) = CommandText.Split(args);
        switch (verb)
        {
            case "":
                return CommandReply.Ephemeral(Describe(setting, zone, now));
            case "preview":
                var preview = await composer.PreviewAsync(setting, zone, now, cancellationToken);
                return CommandReply.Ephemeral(preview.Text, preview.Blocks);
            case "off" or "on" when rest.Length == 0:
                setting = setting with { Enabled = verb == "on" };
                await settings.SaveAsync(setting, now, cancellationToken);
                return CommandReply.Ephemeral(verb == "on"
                    ? $"Done: your digest is on. {Describe(setting, zone, now)}"
                    : "Done: no more weekly digests for you. `/async digest on` turns it back on.");
            case "at":
                if (!TryParseAt(rest, out var weekday, out var localTime, out var error))
                {
                    return CommandReply.Ephemeral($"{error} Example: {AtExample}");
                }

                setting = setting with { Enabled = true, Weekday = weekday, LocalTime = localTime };
                await settings.SaveAsync(setting, now, cancellationToken);
                return CommandReply.Ephemeral($"Done. {Describe(setting, zone, now)}");
            case "channels":
                if (!TryParseChannels(rest, out var channels, out error))
                {
                    return CommandReply.Ephemeral($"{error} Example: {ChannelsExample}");
                }

                setting = setting with { Channels = channels };
                await settings.SaveAsync(setting, now, cancellationToken);
                return CommandReply.Ephemeral($"Done. {Describe(setting, zone, now)}");
            default:
                return CommandReply.Ephemeral($"\"{SlackText.Plain(args.Trim())}\" is not a digest command. Try {Usage}.");
        }
    }

    private static string NotALead(TeamNorms team) => team.Leads.Count == 0
        ? "Weekly digests go to the team's leads, and none are set yet. A workspace admin can name them with `/async norms set leads @ana @bo`."
        : $"Weekly digests go to the team's leads ({string.Join(", ", team.Leads.Order(StringComparer.Ordinal).Select(u => $"<@{u}>"))}). Ask one of them, or see your own figures with `/async stats`.";

    internal static string Describe(DigestSetting setting, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (!setting.Enabled)
        {
            return $"Your weekly digest is off. Turn it on with `/async digest on` or `{AtExample}`.";
        }

        var day = CultureInfo.InvariantCulture.DateTimeFormat.GetDayName((DayOfWeek)(setting.Weekday % 7));
        var scope = setting.Channels is null ? "the whole workspace" : string.Join(" ", setting.Channels.Select(c => $"<#{c}>"));
        var next = DigestSchedule.NextSlot(now, setting, zone);
        return $"Your weekly digest comes every {day} at {setting.LocalTime:HH\\:mm} ({zone.Id}) and covers {scope}; next: {PersonZones.Format(next, zone)}. Change it with {Usage}.";
    }

    /// <summary><c>mon 09:00</c>, <c>monday 9:00</c>: an ISO weekday (1 = Monday) and a 24-hour time.</summary>
    internal static bool TryParseAt(string text, out int weekday, out TimeOnly localTime, out string error)
    {
        weekday = 0;
        localTime = default;
        var parts = SlackText.Plain(text).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            error = "Tell me a day and a 24-hour time.";
            return false;
        }

        weekday = parts[0].ToLowerInvariant() switch
        {
            "mon" or "monday" => 1,
            "tue" or "tues" or "tuesday" => 2,
            "wed" or "wednesday" => 3,
            "thu" or "thur" or "thurs" or "thursday" => 4,
            "fri" or "friday" => 5,
            "sat" or "saturday" => 6,
            "sun" or "sunday" => 7,
            _ => 0,
        };
        if (weekday == 0)
        {
            error = $"\"{parts[0]}\" is not a day (mon, tue, wed, thu, fri, sat or sun).";
            return false;
        }

        if (!TimeOnly.TryParseExact(parts[1], ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out localTime))
        {
            error = $"\"{parts[1]}\" is not a 24-hour time like 09:00 or 16:30.";
            return false;
        }

        error = "";
        return true;
    }

    /// <summary><c>all</c>, or channel references as Slack sends them (<c>&lt;#C…|eng&gt;</c>).</summary>
    internal static bool TryParseChannels(string text, out IReadOnlyList<string>? channels, out string error)
    {
        channels = null;
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (tokens is ["all"] or ["ALL"] or ["All"])
        {
            error = "";
            return true;
        }

        if (tokens.Length == 0)
        {
            error = "Tell me which channels.";
            return false;
        }

        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            if (SlackText.ChannelId(token) is not { } id)
            {
                error = $"I can't tell which channel \"{SlackText.Plain(token)}\" is from its name alone.";
                return false;
            }

            ids.Add(id);
        }

        channels = [.. ids];
        error = "";
        return true;
    }
}
