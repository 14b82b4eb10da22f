using AsyncCoach.Storage;

namespace AsyncCoach.Tests.Providers;

/// <summary><see cref="IDigestSettingsStore"/>'s contract, the same tests against every provider.</summary>
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
public sealed class DigestSettingsStoreSuite(string provider) : ProviderSuite(provider)
{
    private IDigestSettingsStore Settings => Provider.Get<IDigestSettingsStore>();

    [Test]
    public async Task A_saved_setting_is_read_back_and_a_later_save_keeps_when_it_started()
    {
        Assert.That(await Settings.GetAsync("T1", "U1", CancellationToken.None), Is.Null);

        await Settings.SaveAsync(new DigestSetting("T1", "U1", true, 3, new TimeOnly(14, 30), ["C1", "C2"], Start), Start, CancellationToken.None);
        await Settings.SaveAsync(new DigestSetting("T1", "U1", false, 5, new TimeOnly(8, 0), null, Start.AddDays(9)), Start.AddDays(9), CancellationToken.None);
        var read = await Settings.GetAsync("T1", "U1", CancellationToken.None);

        Assert.That(read, Is.Not.Null);
        Assert.That((read!.Enabled, read.Weekday, read.LocalTime, read.Channels, read.Since),
            Is.EqualTo((false, 5, new TimeOnly(8, 0), (IReadOnlyList<string>?)null, Start)));
    }

    [Test]
    public async Task Channels_round_trip_and_the_team_lists_every_lead()
    {
        await Settings.SaveAsync(new DigestSetting("T1", "U1", true, 3, new TimeOnly(14, 30), ["C1", "C2"], Start), Start, CancellationToken.None);
        await Settings.SaveAsync(DigestSetting.Default("T1", "U2", Start), Start, CancellationToken.None);
        await Settings.SaveAsync(DigestSetting.Default("T2", "U3", Start), Start, CancellationToken.None);

        var team = await Settings.ForTeamAsync("T1", CancellationToken.None);

        Assert.That(team.Keys, Is.EquivalentTo(new[] { "U1", "U2" }));
        Assert.That(team["U1"].Channels, Is.EqualTo(new[] { "C1", "C2" }));
        Assert.That(team["U2"], Is.EqualTo(DigestSetting.Default("T1", "U2", Start)).Using<DigestSetting>(SameSetting));
    }

    [Test]
    public async Task Touching_leads_adds_defaults_from_now_and_keeps_stored_settings()
    {
        await Settings.SaveAsync(new DigestSetting("T1", "U1", false, 2, new TimeOnly(7, 15), null, Start), Start, CancellationToken.None);

        await Settings.TouchAsync("T1", ["U1", "U2", "U2"], Start.AddDays(1), CancellationToken.None);
        var team = await Settings.ForTeamAsync("T1", CancellationToken.None);

        Assert.That(team["U1"], Is.EqualTo(new DigestSetting("T1", "U1", false, 2, new TimeOnly(7, 15), null, Start)).Using<DigestSetting>(SameSetting));
        Assert.That(team["U2"], Is.EqualTo(DigestSetting.Default("T1", "U2", Start.AddDays(1))).Using<DigestSetting>(SameSetting));
    }

    [Test]
    public async Task Teams_with_leads_are_those_whose_norms_name_at_least_one()
    {
        var rows = new StoreRows(Provider);
        foreach (var (team, json) in new[] { ("T1", """{"leads":["U1"]}"""), ("T2", """{"leads":[]}"""), ("T3", """{"core_hours":"10:00-15:00"}"""), ("T4", """{"leads":["U7","U8"]}""") })
        {
            await rows.NormsAsync(team, json, null, Start);
        }

        Assert.That(await Settings.TeamsWithLeadsAsync(CancellationToken.None), Is.EquivalentTo(new[] { "T1", "T4" }));
    }

    private static bool SameSetting(DigestSetting a, DigestSetting b) =>
        (a.TeamId, a.LeadId, a.Enabled, a.Weekday, a.LocalTime, a.Since) == (b.TeamId, b.LeadId, b.Enabled, b.Weekday, b.LocalTime, b.Since)
        && (a.Channels ?? []).SequenceEqual(b.Channels ?? []) && (a.Channels is null) == (b.Channels is null);
}
