using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Commands;

/// <summary><c>/async classify &lt;task&gt;</c>: where the task sits on the ladder, privately, with a Share button.</summary>
public sealed class ClassifySubcommand(TaskClassifier classifier)
{
    public const string Example = "/async classify pick a vendor for CI";

    public CommandReply Handle(string task)
    {
        var plain = SlackText.Plain(task).Trim();
        if (plain.Length == 0)
        {
            return CommandReply.Ephemeral($"Tell me the task you're planning, e.g. {Example}");
        }

        return ClassificationBlocks.Private(plain, classifier.Classify(plain));
    }
}
