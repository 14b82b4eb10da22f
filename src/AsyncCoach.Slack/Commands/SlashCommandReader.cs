namespace AsyncCoach.Slack.Commands;

/// <summary>
/// Reads a <see cref="SlashCommand"/> from its fields, whichever transport brought them: the
/// form fields of an HTTP request, or the JSON object in a Socket Mode <c>slash_commands</c> envelope.
/// </summary>
public static class SlashCommandReader
{
    private static readonly string[] Required = ["command", "team_id", "user_id", "channel_id"];

    /// <param name="field">A field's value, or null when it is missing or empty.</param>
    /// <param name="missing">The first required field that is missing, when the result is null.</param>
    public static SlashCommand? Read(Func<string, string?> field, out string? missing)
    {
        missing = Array.Find(Required, name => string.IsNullOrEmpty(field(name)));
        if (missing is not null)
        {
            return null;
        }

        return new SlashCommand(
            field("team_id")!,
            field("channel_id")!,
            field("user_id")!,
            field("command")!,
            field("text") ?? "",
            field("response_url"),
            field("trigger_id"),
            field("channel_name"),
            field("enterprise_id"),
            string.Equals(field("is_enterprise_install"), "true", StringComparison.OrdinalIgnoreCase));
    }
}
