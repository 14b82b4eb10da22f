using System.Globalization;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Rules;

public sealed class AfterHoursPingRuleTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private static Finding? AfterHours(string text, string at, string? recipientTz, ConversationKind kind = ConversationKind.Im, params Person[] extra)
    {
        Person[] people = [new Person(Author, null), new Person(Recipient, recipientTz), .. extra];
        var findings = Engine.Evaluate(Message(text, kind, Utc(at), channel: "C1"), Context(kind, "C1", people: people));
        return findings.SingleOrDefault(f => f.RuleId == RuleIds.AfterHoursPing);
    }

    [TestCase("2026-03-06T13:30:00Z", "America/New_York", true, TestName = "New York 08:30 the Friday before the US change is outside")]
    [TestCase("2026-03-09T13:30:00Z", "America/New_York", false, TestName = "New York 09:30 the Monday after the US change is inside")]
    [TestCase("2026-10-30T21:30:00Z", "America/New_York", true, TestName = "New York 17:30 the Friday before the US autumn change is outside")]
    [TestCase("2026-11-02T21:30:00Z", "America/New_York", false, TestName = "New York 16:30 the Monday after the US autumn change is inside")]
    [TestCase("2026-03-27T15:30:00Z", "Europe/Berlin", false, TestName = "Berlin 16:30 the Friday before the EU change is inside")]
    [TestCase("2026-03-30T15:30:00Z", "Europe/Berlin", true, TestName = "Berlin 17:30 the Monday after the EU change is outside")]
    [TestCase("2026-10-23T15:30:00Z", "Europe/Berlin", true, TestName = "Berlin 17:30 the Friday before the EU autumn change is outside")]
    [TestCase("2026-10-26T15:30:00Z", "Europe/Berlin", false, TestName = "Berlin 16:30 the Monday after the EU autumn change is inside")]
    [TestCase("2026-03-10T21:30:00Z", "Australia/Sydney", true, TestName = "Sydney 08:30 under daylight time is outside")]
    [TestCase("2026-04-07T23:30:00Z", "Australia/Sydney", false, TestName = "Sydney 09:30 under standard time is inside")]
    [TestCase("2026-03-08T19:30:00Z", "Pacific/Auckland", true, TestName = "Auckland Monday 08:30 is outside")]
    [TestCase("2026-03-15T23:00:00Z", "Australia/Sydney", false, TestName = "Sydney Monday 10:00 is inside while it is still Sunday in Europe")]
    [TestCase("2026-03-14T12:00:00Z", "Europe/London", true, TestName = "Saturday noon is outside")]
    [TestCase("2026-03-14T12:00:00Z", null, false, TestName = "A recipient with no time zone counts as inside")]
    public void Judges_the_recipients_local_time(string at, string? zone, bool fires) =>
        Assert.That(AfterHours("can you look at the invoice run?", at, zone) is not null, Is.EqualTo(fires));

    [Test]
    public void The_finding_names_the_local_time_and_the_next_working_day_start()
    {
        var finding = AfterHours("can you look at the invoice run?", "2026-03-27T21:40:00Z", "Europe/Berlin")!;

        var recipient = finding.OffHoursRecipients.Single();
        Assert.That(recipient.User, Is.EqualTo(Recipient));
        Assert.That(recipient.LocalTime, Is.EqualTo(Utc("2026-03-27T22:40:00+01:00")));
        Assert.That(recipient.LocalTime.Offset, Is.EqualTo(TimeSpan.FromHours(1)));
        Assert.That(recipient.NextWorkStart, Is.EqualTo(Utc("2026-03-30T09:00:00+02:00")));
        Assert.That(finding.Suggestion, Does.Contain("It's 22:40 for <@U2>").And.Contain("Mon 09:00"));
    }

    [Test]
    public void Several_recipients_outside_hours_are_counted_in_the_nudge()
    {
        var third = new Person(new UserId("U3"), "America/New_York");

        var finding = AfterHours("draft is ready for comments", "2026-03-10T23:00:00Z", "Europe/Berlin", ConversationKind.Mpim, third)!;

        Assert.That(finding.OffHoursRecipients.Select(r => r.User.Value), Is.EquivalentTo(new[] { "U2", "U3" }));
        Assert.That(finding.Suggestion, Does.StartWith("This reaches 2 people outside their working hours"));
    }

    [Test]
    public void Evidence_and_suggestion_spell_out_day_and_time_in_the_invariant_culture()
    {
        var third = new Person(new UserId("U3"), "America/New_York");

        var finding = AfterHours("draft is ready for comments", "2026-03-10T23:05:00Z", "Europe/Berlin", ConversationKind.Mpim, third)!;

        Assert.That(finding.Evidence, Is.EqualTo(new[] { "U2 Wed 00:05 Europe/Berlin", "U3 Tue 19:05 America/New_York" }));
        Assert.That(finding.Suggestion, Is.EqualTo(
            "This reaches 2 people outside their working hours: it's 00:05 for <@U2>, it's 19:05 for <@U3>. "
            + "Unless it can't wait, Slack's scheduled send can deliver it at the start of their next working day (Wed 09:00 their time)."));
    }

    [Test]
    public void Bots_and_deactivated_members_are_never_recipients()
    {
        Person[] people = [new Person(Author, null), new Person(Recipient, "Europe/London", IsBot: true), new Person(new UserId("U3"), "Europe/London", IsDeleted: true)];
        var findings = Engine.Evaluate(
            Message("<!channel> office closed tomorrow", ConversationKind.Channel, Utc("2026-03-10T23:00:00Z"), channel: "C1"),
            Context(ConversationKind.Channel, "C1", people: people));

        Assert.That(findings, Is.Empty);
    }

    [Test]
    public void The_author_is_never_a_recipient_of_their_own_mention()
    {
        Person[] people = [new Person(Author, "Europe/London"), new Person(Recipient, null)];
        var findings = Engine.Evaluate(
            Message("<@U1> note to self: rotate the keys", ConversationKind.Channel, Utc("2026-03-10T23:00:00Z"), channel: "C1"),
            Context(ConversationKind.Channel, "C1", people: people));

        Assert.That(findings, Is.Empty);
    }
}
