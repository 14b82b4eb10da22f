using AsyncCoach.Commands;
using AsyncCoach.Core.Taxonomy;
using AsyncCoach.Slack.BlockKit;

namespace AsyncCoach.Tests.Commands;

public sealed class ClassificationBlocksTests
{
    [TestCase("pick a vendor for CI")]
    [TestCase("hmm")]
    [TestCase("review <@U1> & the deck, then ")]
    public void The_private_and_shared_answers_pass_Block_Kit_validation(string task)
    {
        var result = TaskClassifier.CreateDefault().Classify(task + new string('x', 5000));

        var reply = ClassificationBlocks.Private(task + new string('x', 5000), result);
        var shared = ClassificationBlocks.Shared(task + new string('x', 5000), result, "U1");

        Assert.That(new SlackMessage(reply.Text, reply.Blocks!).Validate(), Is.Empty);
        Assert.That(shared.Validate(), Is.Empty);
        Assert.That(shared.Blocks.OfType<ActionsBlock>(), Is.Empty);
    }
}
