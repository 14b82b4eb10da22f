using AsyncCoach.Core.Evaluation;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>
/// docs/rules.md, fifth pass: the missing-context model (<see cref="NakedModel"/>): training is
/// deterministic, the weights round-trip through their file, a file of another shape is refused,
/// the embedded model is the one the repository's training command writes, and an answer names the
/// features that decided it.
/// </summary>
public sealed class NakedModelTests
{
    private static readonly NakedExample[] Tiny =
    [
        new("you free?", ConversationKind.Im, true),
        new("got a sec?", ConversationKind.Im, true),
        new("hey there, around?", ConversationKind.Im, true),
        new("can you send the invoice for March?", ConversationKind.Im, false),
        new("the build is green again", ConversationKind.Im, false),
        new("please review the staffing plan", ConversationKind.Im, false),
    ];

    [Test]
    public void Training_twice_on_the_same_examples_gives_the_same_weights()
    {
        var first = NakedModelTrainer.Train(Tiny);
        var second = NakedModelTrainer.Train(Tiny.ToArray());

        Assert.That(first.Weights.SequenceEqual(second.Weights), Is.True);
        Assert.That(first.Weights.ToArray().Count(w => w != 0), Is.GreaterThan(0));
    }

    [Test]
    public void A_trained_model_separates_what_it_was_trained_on()
    {
        var model = NakedModelTrainer.Train(Tiny, threshold: 0);

        Assert.That(Score(model, "you free?"), Is.GreaterThan(0));
        Assert.That(Score(model, "the build is green again"), Is.LessThan(0));
    }

    [Test]
    public void The_weights_round_trip_through_their_file()
    {
        var model = NakedModelTrainer.Train(Tiny, threshold: 2.5f);
        using var stream = new MemoryStream();
        model.Write(stream);
        stream.Position = 0;

        var read = NakedModel.Read(stream);

        Assert.That(read.Threshold, Is.EqualTo(2.5f));
        Assert.That(read.Weights.SequenceEqual(model.Weights), Is.True);
    }

    [Test]
    public void A_file_of_another_shape_is_refused_with_a_reason()
    {
        using var wrong = new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
        Assert.That(() => NakedModel.Read(wrong), Throws.TypeOf<InvalidDataException>().With.Message.Contains("magic"));

        using var cut = new MemoryStream();
        NakedModelTrainer.Train(Tiny).Write(cut);
        var bytes = cut.ToArray()[..20]; // header and half a weight
        Assert.That(() => NakedModel.Read(new MemoryStream(bytes)), Throws.TypeOf<EndOfStreamException>());
    }

    [Test]
    public void The_embedded_model_is_what_the_training_command_writes_from_the_dev_splits()
    {
        var fixtures = Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures");
        var output = Path.Combine(Path.GetTempPath(), $"naked-{Guid.NewGuid():N}.bin");
        try
        {
            var exit = NakedModelCommand.Run(
                [output, .. new[] { "devset", "devset2", "devset3", "devset4", "devset5", "devset6", "devset7", "devset8", "devset9", "devset10", "devset11" }.Select(set => Path.Combine(fixtures, set))],
                new StringWriter(),
                new StringWriter());

            Assert.That(exit, Is.EqualTo(0));
            using var stream = File.OpenRead(output);
            var trained = NakedModel.Read(stream);
            Assert.That(trained.Threshold, Is.EqualTo(NakedModel.Default.Threshold));
            Assert.That(trained.Weights.SequenceEqual(NakedModel.Default.Weights), Is.True, "regenerate src/AsyncCoach.Core/Rules/naked-model.bin with bench train-naked (docs/rules.md)");
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Test]
    public void An_answer_names_the_features_that_pushed_it_up()
    {
        var why = NakedModel.Default.Explain("is this a bad time?", ConversationKind.Im);

        Assert.That(why, Has.Count.EqualTo(3));
        Assert.That(why, Has.All.Matches<string>(w => w!.StartsWith("word ", StringComparison.Ordinal) || w.StartsWith("words ", StringComparison.Ordinal)
            || w.StartsWith("letters ", StringComparison.Ordinal) || w.StartsWith("a ", StringComparison.Ordinal) || w.EndsWith(" words", StringComparison.Ordinal)));
    }

    [Test]
    public void A_finding_the_model_made_carries_a_fixed_evidence_string_not_the_words()
    {
        var findings = RuleEngine.CreateDefault().Evaluate(Message("any luck catching you today?"), Context());

        var finding = findings.Single(f => f.RuleId == RuleIds.MissingContext);
        Assert.That(finding.Evidence, Is.EqualTo(new[] { MissingContextRule.ModelEvidence }));
    }

    [Test]
    public void Without_the_model_the_grammars_decide_alone()
    {
        var engine = new RuleEngine(PhraseBook.Default, RuleEngine.DefaultRules(null));

        Assert.That(engine.Evaluate(Message("any luck catching you today?"), Context()).Select(f => f.RuleId), Does.Not.Contain(RuleIds.MissingContext));
        Assert.That(engine.Evaluate(Message("hey, got a minute?"), Context()).Select(f => f.RuleId), Does.Contain(RuleIds.MissingContext));
    }

    private static float Score(NakedModel model, string text)
    {
        var examples = NakedModelTrainer.Encode(text, ConversationKind.Im);
        Assert.That(examples, Is.Not.Empty);
        return examples.Sum(f => model.Weights[f]);
    }
}
