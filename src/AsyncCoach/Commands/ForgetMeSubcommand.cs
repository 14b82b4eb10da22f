using AsyncCoach.Slack.Commands;

namespace AsyncCoach.Commands;

/// <summary>
/// <c>/async forget-me</c>: answers privately with what would be deleted and a confirmation
/// button; nothing is deleted until the person clicks it (<c>ForgetMeHandler</c>).
/// </summary>
public sealed class ForgetMeSubcommand(TimeProvider time)
{
    public CommandReply Handle(SlashCommand command, string rest) => rest.Length == 0
        ? ForgetMeBlocks.Question(command.TeamId, command.UserId, time.GetUtcNow())
        : CommandReply.Ephemeral(
            $"`/async forget-me` takes nothing after it (you added \"{SlackText.Escape(SlackText.Plain(rest))}\"). " +
            "Run `/async forget-me` on its own: it shows what would be deleted and asks you to confirm with a button.");
}
