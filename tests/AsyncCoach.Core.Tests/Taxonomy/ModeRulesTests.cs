using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Core.Tests.Taxonomy;

public sealed class ModeRulesTests
{
    private const string Tc = TaxonomyIds.TimeCritical;
    private const string S = TaxonomyIds.Sensitive;
    private const string Ms = TaxonomyIds.ManyStakeholders;

    [TestCase(1, "async")]
    [TestCase(2, "async")]
    [TestCase(3, "async")]
    [TestCase(4, "blended")]
    [TestCase(5, "blended")]
    [TestCase(6, "sync")]
    public void Each_tier_starts_from_its_own_mode(int tier, string mode) =>
        Assert.That(ModeRules.Compute(tier, []), Is.EqualTo(mode));

    [TestCase(1, new[] { Tc }, "sync")]
    [TestCase(4, new[] { Tc, Ms }, "sync")]
    [TestCase(1, new[] { S }, "blended")]
    [TestCase(3, new[] { S }, "blended")]
    [TestCase(5, new[] { S }, "blended")]
    [TestCase(6, new[] { S }, "sync")]
    [TestCase(4, new[] { S, Ms }, "blended")]
    [TestCase(4, new[] { Ms }, "async")]
    [TestCase(5, new[] { Ms }, "async")]
    [TestCase(2, new[] { Ms }, "async")]
    [TestCase(6, new[] { Ms }, "sync")]
    public void Modifiers_apply_in_order_of_precedence(int tier, string[] modifiers, string mode) =>
        Assert.That(ModeRules.Compute(tier, modifiers), Is.EqualTo(mode));

    [Test]
    public void Tiers_outside_the_ladder_are_rejected() =>
        Assert.That(() => ModeRules.Compute(7, []), Throws.TypeOf<ArgumentOutOfRangeException>());
}
