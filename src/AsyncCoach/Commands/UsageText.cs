namespace AsyncCoach.Commands;

/// <summary>The short usage text for <c>/async help</c> and anything <c>/async</c> does not know.</summary>
public static class UsageText
{
    public const string Text = """
        *AsyncCoach* helps you decide whether something needs a meeting, and coaches the team toward async-first habits.
        • `/async &lt;task&gt;` or `/async classify &lt;task&gt;`: does it need a meeting? (e.g. `/async pick a vendor for CI`)
        • `/async hours 09:00-17:00 mon-fri Europe/Lisbon`: your working hours (`/async hours` shows them, `/async hours reset`)
        • `/async snooze 2h` (or `30m`, `1d`, `until 2026-12-01`, `off`): pause your nudges; `/async optout` / `/async optin`
        • `/async norms`: the team's norms; leads and admins change them with `/async norms set &lt;key&gt; &lt;value&gt;` or `/async norms exempt #channel`
        • `/async digest` (leads): your weekly digest; `/async digest at mon 09:00`, `off`, `channels #eng`, `preview`
        • `/async stats`: your own last 4 weeks, only for you
        • `/async forget-me`: delete what AsyncCoach keeps about you in this workspace (asks you to confirm first)
        """;

    public static CommandReply Reply(string? unknown = null) => CommandReply.Ephemeral(unknown is null
        ? Text
        : $"I don't know \"{SlackText.Escape(unknown)}\" (to classify a one-word task, use `/async classify {SlackText.Escape(unknown)}`).\n{Text}");
}
