using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Core.Tests.Taxonomy;

public sealed class ClassificationTextTests
{
    [Test]
    public void Renders_tier_mode_modifiers_why_and_next_step()
    {
        var result = new Classification(4, "decide", "sync", ["time-critical"], 0.8, ["\"decide\" → decide", "\"3pm\" (later today) → time-critical"], "Get people on a call now.");

        var lines = ClassificationText.Render(result);

        Assert.That(lines, Is.EqualTo(new[]
        {
            "Tier 4 of 6: decide. Recommended mode: sync.",
            "Modifiers: time-critical.",
            "Why: \"decide\" → decide; \"3pm\" (later today) → time-critical.",
            "Next step: Get people on a call now.",
        }));
    }

    [Test]
    public void Renders_an_unclear_task_without_a_tier_or_modifiers_line()
    {
        var result = TaskClassifier.CreateDefault().Classify("Kickoff");

        var lines = ClassificationText.Render(result);

        Assert.That(lines[0], Does.StartWith("Unclear"));
        Assert.That(lines, Has.None.StartsWith("Modifiers"));
        Assert.That(lines[^1], Does.StartWith("Next step: ").And.Contain("outcome"));
    }
}
