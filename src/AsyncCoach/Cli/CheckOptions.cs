using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using AsyncCoach.Core.Model;

namespace AsyncCoach.Cli;

/// <summary>The parsed options of <see cref="CheckCommand"/>.</summary>
internal sealed record CheckOptions(string Text, ConversationKind Kind, DateTimeOffset At, string? RecipientZone, int Members, bool Json)
{
    public static bool TryParse(string[] args, TimeProvider time, [NotNullWhen(true)] out CheckOptions? options, [NotNullWhen(false)] out string? error)
    {
        options = null;
        string? text = null;
        var kind = ConversationKind.Im;
        DateTimeOffset? at = null;
        string? zone = null;
        int? members = null;
        var json = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (text is not null)
                {
                    error = $"unexpected argument \"{Shorten(arg)}\": pass the message text as one quoted argument";
                    return false;
                }

                text = arg;
                continue;
            }

            if (i + 1 >= args.Length)
            {
                error = arg is "--channel-type" or "--at" or "--recipient-tz" or "--members" or "--format"
                    ? $"option {arg} needs a value"
                    : $"unknown option {arg}";
                return false;
            }

            var value = args[++i];
            switch (arg)
            {
                case "--channel-type":
                    if (ConversationKinds.Parse(value) is not { } parsed || parsed == ConversationKind.AppHome)
                    {
                        error = $"option --channel-type: \"{value}\" is not one of im, mpim, channel, group";
                        return false;
                    }

                    kind = parsed;
                    break;
                case "--at":
                    if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
                    {
                        error = $"option --at: \"{value}\" is not an ISO 8601 date and time such as 2026-03-10T22:05:00Z";
                        return false;
                    }

                    at = instant.ToUniversalTime();
                    break;
                case "--recipient-tz":
                    if (!TimeZoneInfo.TryFindSystemTimeZoneById(value, out _))
                    {
                        error = $"option --recipient-tz: unknown time zone \"{value}\" (use an IANA id such as Europe/Berlin)";
                        return false;
                    }

                    zone = value;
                    break;
                case "--members":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
                    {
                        error = $"option --members: \"{value}\" is not a positive whole number";
                        return false;
                    }

                    members = count;
                    break;
                case "--format":
                    if (value is not ("text" or "json"))
                    {
                        error = $"option --format: \"{value}\" is not one of text, json";
                        return false;
                    }

                    json = value == "json";
                    break;
                default:
                    error = $"unknown option {arg}";
                    return false;
            }
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            error = "missing message text: asynccoach check \"hey <@U2> got a minute?\"";
            return false;
        }

        var defaultMembers = kind switch { ConversationKind.Im => 2, ConversationKind.Mpim => 3, _ => 50 };
        options = new CheckOptions(text, kind, at ?? time.GetUtcNow(), zone, members ?? defaultMembers, json);
        error = null;
        return true;
    }

    // An unexpected argument is shown back shortened: it may be message text.
    private static string Shorten(string arg) => arg.Length <= 20 ? arg : arg[..20] + "…";
}
