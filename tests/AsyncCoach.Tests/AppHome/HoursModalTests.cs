using AsyncCoach.AppHome;
using AsyncCoach.Core.Norms;
using AsyncCoach.Slack.Interactivity;

namespace AsyncCoach.Tests.AppHome;

public sealed class HoursModalTests
{
    private static HoursSubmission Read(string? hours, string? zone) =>
        HoursModal.Read(InteractivityPayloadReader.ReadViewSubmission(HomePayloads.Submission(hours, zone, "U0AUTHOR1", "T0001").ToJsonString()));

    [Test]
    public void The_modal_is_within_Block_Kit_limits_and_filled_with_the_persons_values()
    {
        var modal = HoursModal.Build("08:30-16:30 mon-thu", "Europe/Lisbon");

        Assert.That(modal.Validate(), Is.Empty);
        Assert.That(modal.CallbackId, Is.EqualTo(HomeActions.HoursModal));
        var inputs = modal.Blocks.OfType<AsyncCoach.Slack.BlockKit.InputBlock>().ToList();
        Assert.That(inputs.Select(i => i.BlockId), Is.EqualTo(new[] { "hours", "zone" }));
        Assert.That(inputs.Select(i => ((AsyncCoach.Slack.BlockKit.PlainTextInputElement)i.Element).InitialValue),
            Is.EqualTo(new[] { "08:30-16:30 mon-thu", "Europe/Lisbon" }));
    }

    [Test]
    public void Good_hours_and_zone_are_read()
    {
        var read = Read("8:30am-4:30pm mon-thu", "America/New_York");

        Assert.That(read.Errors, Is.Null);
        Assert.That(read.Hours, Is.EqualTo(new WorkingHours(new TimeOnly(8, 30), new TimeOnly(16, 30),
            WorkDays.Monday | WorkDays.Tuesday | WorkDays.Wednesday | WorkDays.Thursday)));
        Assert.That(read.Zone, Is.EqualTo("America/New_York"));
    }

    [Test]
    public void A_zone_typed_with_the_hours_is_taken_when_the_zone_field_is_empty()
    {
        var read = Read("09:00-17:00 Asia/Kolkata", null);

        Assert.That((read.Errors, read.Zone), Is.EqualTo(((IReadOnlyDictionary<string, string>?)null, "Asia/Kolkata")));
    }

    [Test]
    public void Empty_fields_mean_the_teams_hours_and_the_Slack_zone()
    {
        var read = Read("  ", "");

        Assert.That(read, Is.EqualTo(new HoursSubmission(null, null, null)));
    }

    [TestCase("25:00-17:00", "\"25:00\" is not a time of day (00:00-23:59, or 12-hour like 9am or 4:30pm). For example: 08:30-16:30 mon-thu")]
    [TestCase("whenever I like please", "I couldn't read those hours. For example: 08:30-16:30 mon-thu")]
    [TestCase("09:00-09:00", "The start and end are the same time. For example: 08:30-16:30 mon-thu")]
    [TestCase("09:00-17:00 someday", "\"someday\" is neither days (mon-thu, mon,wed,fri, weekdays, daily) nor a time zone (Europe/Lisbon). For example: 08:30-16:30 mon-thu")]
    public void Bad_hours_are_an_error_under_the_hours_field(string hours, string message)
    {
        var read = Read(hours, "Europe/Berlin");

        Assert.That(read.Errors, Is.EqualTo(new Dictionary<string, string> { ["hours"] = message }));
        Assert.That(read.Hours, Is.Null);
    }

    [Test]
    public void An_unknown_zone_is_an_error_under_the_zone_field()
    {
        var read = Read("09:00-17:00", "Mars/Olympus_Mons");

        Assert.That(read.Errors, Is.EqualTo(new Dictionary<string, string>
        {
            ["zone"] = "\"Mars/Olympus_Mons\" is not a time zone I know. Use an IANA name, for example Europe/Lisbon.",
        }));
    }

    [Test]
    public void Both_fields_wrong_give_both_errors()
    {
        var read = Read("25:00-26:00", "Nowhere/Land");

        Assert.That(read.Errors!.Keys, Is.EquivalentTo(new[] { "hours", "zone" }));
    }
}
