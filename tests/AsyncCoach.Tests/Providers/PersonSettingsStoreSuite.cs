using AsyncCoach.Norms;
using AsyncCoach.Storage;

namespace AsyncCoach.Tests.Providers;

/// <summary><see cref="IPersonSettingsStore"/>'s contract, the same tests against every provider.</summary>
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
public sealed class PersonSettingsStoreSuite(string provider) : ProviderSuite(provider)
{
    private IPersonSettingsStore Settings => Provider.Get<IPersonSettingsStore>();

    [Test]
    public async Task Saved_settings_are_read_back_and_people_without_any_are_absent()
    {
        var saved = new PersonSettings("U1", NormsJson.ParseWorkingHours("08:30-16:00 mon-thu"), "Europe/Berlin", Start.AddHours(3), OptedOut: true);

        await Settings.SaveAsync("T1", saved, CancellationToken.None);
        var many = await Settings.GetManyAsync("T1", ["U1", "U2"], CancellationToken.None);
        var otherTeam = await Settings.GetAsync("T2", "U1", CancellationToken.None);

        Assert.That(many.Keys, Is.EqualTo(new[] { "U1" }));
        var read = many["U1"];
        Assert.That((WorkingHoursText.Format(read.Hours!), read.TimeZone, read.SnoozeUntil, read.OptedOut),
            Is.EqualTo(("08:30-16:00 mon-thu", "Europe/Berlin", (DateTimeOffset?)Start.AddHours(3), true)));
        Assert.That(otherTeam, Is.EqualTo(new PersonSettings("U1", null, null, null, false)));
    }

    [Test]
    public async Task A_save_replaces_every_setting()
    {
        await Settings.SaveAsync("T1", new PersonSettings("U1", NormsJson.ParseWorkingHours("09:00-17:00 mon-fri"), "UTC", Start, true), CancellationToken.None);
        await Settings.SaveAsync("T1", new PersonSettings("U1", null, null, null, false), CancellationToken.None);

        Assert.That(await Settings.GetAsync("T1", "U1", CancellationToken.None), Is.EqualTo(new PersonSettings("U1", null, null, null, false)));
    }
}
