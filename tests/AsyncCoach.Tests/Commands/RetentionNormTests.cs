using AsyncCoach.Tests.Infrastructure;

namespace AsyncCoach.Tests.Commands;

/// <summary>retention_days as a norm: set by a lead or admin within 7–3650 days, shown in plain words by /async norms.</summary>
public sealed class RetentionNormTests
{
    private const string Team = "T0001";
    private const string Admin = "UADMIN";

    private CommandHarness _harness = null!;

    [SetUp]
    public async Task SetUp()
    {
        _harness = await CommandHarness.StartAsync();
        _harness.Directory.Add(Admin, "Europe/Lisbon", isAdmin: true);
    }

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    private Task<string> AdminAsync(string text) => _harness.EphemeralTextAsync(text, Admin, Team);

    [Test]
    public async Task Without_the_norm_the_norms_say_data_goes_after_the_default_180_days()
    {
        Assert.That(await AdminAsync("norms"), Does.Contain(
            "• Findings, nudge history and feedback are deleted after 180 days (AsyncCoach's default; `retention_days` changes it). Anyone can delete their own at once with `/async forget-me`."));
    }

    [Test]
    public async Task A_team_sets_its_own_retention_days_and_the_norms_show_it()
    {
        Assert.That(await AdminAsync("norms set retention_days 90"), Is.EqualTo("Done: retention_days is now 90."));

        Assert.That(await AdminAsync("norms"), Does.Contain("• Findings, nudge history and feedback are deleted after 90 days (`retention_days`)."));
        Assert.That(await AdminAsync("norms unset retention_days"), Is.EqualTo("Done: retention_days is back to its default."));
        Assert.That(await AdminAsync("norms"), Does.Contain("deleted after 180 days (AsyncCoach's default"));
    }

    [TestCase("6")]
    [TestCase("3651")]
    public async Task A_value_out_of_bounds_gets_one_line_with_an_example_and_changes_nothing(string value)
    {
        Assert.That(await AdminAsync("norms set retention_days " + value), Is.EqualTo(
            "That value doesn't work: key \"retention_days\": expected a whole number from 7 to 3650. Example: /async norms set retention_days 90 (from 7 to 3650)"));
        Assert.That(await AdminAsync("norms"), Does.Contain("deleted after 180 days"));
    }

    [Test]
    public async Task A_value_that_is_not_a_number_gets_one_line_with_an_example()
    {
        Assert.That(await AdminAsync("norms set retention_days forever"), Is.EqualTo(
            "retention_days takes a whole number, not \"forever\". Example: /async norms set retention_days 90 (from 7 to 3650)"));
    }
}
