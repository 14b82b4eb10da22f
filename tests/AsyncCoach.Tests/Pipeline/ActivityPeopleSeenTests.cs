using AsyncCoach.Pipeline;

namespace AsyncCoach.Tests.Pipeline;

/// <summary>The committed who-wrote-when rows the hot path remembers, so a person's row is inserted once an hour.</summary>
public sealed class ActivityPeopleSeenTests
{
    private static readonly DateTimeOffset Ten = new(2026, 3, 10, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_remembered_row_is_known_for_its_hour_and_the_next_one_but_no_longer()
    {
        var seen = new ActivityPeopleSeen();
        Assert.That(seen.IsKnown("T1", Ten, "U1"), Is.False);

        seen.Remember([("T1", Ten, "U1")]);
        Assert.That((seen.IsKnown("T1", Ten, "U1"), seen.IsKnown("T2", Ten, "U1"), seen.IsKnown("T1", Ten.AddHours(1), "U1")), Is.EqualTo((true, false, false)));

        // The next hour starts: 10:00 is still known (late events), 09:00 never was.
        seen.Remember([("T1", Ten.AddHours(1), "U2"), ("T1", Ten, "U3")]);
        Assert.That((seen.IsKnown("T1", Ten, "U1"), seen.IsKnown("T1", Ten, "U3"), seen.IsKnown("T1", Ten.AddHours(1), "U2")), Is.EqualTo((true, true, true)));

        // Two hours on, 10:00 is forgotten (an insert that does nothing, at worst).
        seen.Remember([("T1", Ten.AddHours(3), "U2")]);
        Assert.That((seen.IsKnown("T1", Ten, "U1"), seen.IsKnown("T1", Ten.AddHours(1), "U2")), Is.EqualTo((false, false)));
    }
}
