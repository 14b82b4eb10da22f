using AsyncCoach.Storage;

namespace AsyncCoach.Tests.Providers;

/// <summary><see cref="ITeamDataStore"/>'s contract, the same tests against every provider.</summary>
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
public sealed class TeamDataStoreSuite(string provider) : ProviderSuite(provider)
{
    private ITeamDataStore Data => Provider.Get<ITeamDataStore>();

    private StoreRows Rows => new(Provider);

    /// <summary>Something in every table for <paramref name="team"/>, two people (U1, U2) in it.</summary>
    private async Task FillAsync(string team)
    {
        foreach (var user in new[] { "U1", "U2" })
        {
            await Rows.FindingAsync(team, "C1", "bare-greeting", user, Start);
            await Rows.NudgeAsync(team, "C1", user, "sent", Start, Start, rule: "bare-greeting", feedback: "thanks");
            await Rows.NudgeAsync(team, user, user, "sent", Start, Start, kind: "home");
            await Rows.PendingAsync(team, user, Start);
            await Rows.ActivityAsync(team, user, Start);
            await Rows.PhraseFeedbackAsync(team, user, Start);
            await Provider.Get<IPersonSettingsStore>().SaveAsync(team, new PersonSettings(user, null, "UTC", null, OptedOut: user == "U2"), CancellationToken.None);
            await Provider.Get<IDigestSettingsStore>().SaveAsync(DigestSetting.Default(team, user, Start), Start, CancellationToken.None);
            await Provider.Get<IApiCallStore>().RecordAsync(team, "chat.postEphemeral", $$"""{"user":"{{user}}"}""", CancellationToken.None);
        }

        await Rows.NormsAsync(team, """{"leads":["U1"]}""", "U1", Start);
        await Rows.RecountDigestCountersAsync();
        await Provider.Get<IInstallationStore>().SaveAsync(
            new Installation(team, true, null, Installation.FromOAuth, InstallerUserId: "U1", InstalledAt: Start), Start, CancellationToken.None);
    }

    [Test]
    public async Task Deleting_a_team_deletes_every_row_of_it_and_nothing_of_another()
    {
        await FillAsync("T1");
        await FillAsync("T2");

        var deleted = await Data.DeleteTeamAsync("T1", CancellationToken.None);

        Assert.That(deleted.Counts, Is.EqualTo(new Dictionary<string, int>
        {
            ["activity_counters"] = 2,
            ["activity_people"] = 2,
            ["digest_settings"] = 2,
            ["finding_counts"] = 2,
            ["findings"] = 2,
            ["installations"] = 1,
            ["nudge_attempts"] = 4,
            ["nudge_counts"] = 2,
            ["nudge_feedback"] = 2,
            ["nudge_rules"] = 2,
            ["nudges"] = 4,
            ["pending_findings"] = 2,
            ["person_settings"] = 2,
            ["phrase_feedback"] = 2,
            ["slack_api_calls"] = 2,
            ["team_norms"] = 1,
        }));
        Assert.That((await Data.DeleteTeamAsync("T2", CancellationToken.None)).Total, Is.EqualTo(deleted.Total), "the other team was untouched");
    }

    [Test]
    public async Task Deleting_an_org_takes_its_workspaces_without_an_installation_of_their_own()
    {
        var installations = Provider.Get<IInstallationStore>();
        await installations.SaveAsync(new Installation("E1", true, null, Installation.FromOAuth, IsEnterpriseInstall: true), Start, CancellationToken.None);
        await installations.LinkTeamAsync("T1", "E1", Start, CancellationToken.None);
        await installations.LinkTeamAsync("T2", "E1", Start, CancellationToken.None);
        await FillAsync("T2");
        await Rows.FindingAsync("T1", "C1", "bare-greeting", "U1", Start);

        var ended = await Data.EndPendingAsync("E1", "app_uninstalled", CancellationToken.None);
        var deleted = await Data.DeleteTeamAsync("E1", CancellationToken.None);

        Assert.That(ended, Is.Zero, "nothing was pending");
        Assert.That(deleted.Counts["findings"], Is.EqualTo(1), "T1's; T2 has an installation of its own");
        Assert.That(deleted.Counts["installation_teams"], Is.EqualTo(2));
        Assert.That(await Rows.CountAsync("findings", "team_id = 'T2'"), Is.EqualTo(2));
    }

    [Test]
    public async Task Ending_a_team_s_pending_rows_leaves_those_being_sent()
    {
        await Rows.NudgeAsync("T1", "C1", "U1", "pending", Start);
        await Rows.NudgeAsync("T1", "C1", "U1", "sending", Start);
        await Rows.NudgeAsync("T2", "C1", "U1", "pending", Start);

        Assert.That(await Data.EndPendingAsync("T1", "app_uninstalled", CancellationToken.None), Is.EqualTo(1));
        Assert.That(await Rows.CountAsync("nudges", "state = 'failed' AND end_reason = 'app_uninstalled' AND content_json IS NULL"), Is.EqualTo(1));
    }

    [Test]
    public async Task Old_rows_go_by_the_default_period_or_the_team_s_own_and_open_outbox_rows_stay()
    {
        var old = Start.AddDays(-100);
        foreach (var team in new[] { "T1", "T2" })
        {
            await Rows.FindingAsync(team, "C1", "bare-greeting", "U1", old);
            await Rows.FindingAsync(team, "C1", "bare-greeting", "U1", Start.AddDays(-20));
            await Rows.NudgeAsync(team, "C1", "U1", "sent", old, old, rule: "bare-greeting", feedback: "thanks");
            await Rows.NudgeAsync(team, "C1", "U1", "pending", old);
            await Rows.ActivityAsync(team, "U1", old);
            await Rows.PhraseFeedbackAsync(team, "U1", old);
        }

        await Rows.RecountDigestCountersAsync();
        await Provider.Get<IApiCallStore>().RecordAsync("T1", "chat.postEphemeral", "{}", CancellationToken.None);
        await Provider.Get<IOAuthStateStore>().TryUseAsync("n1", old, old.AddMinutes(10), CancellationToken.None);

        var deleted = await Data.DeleteOldAsync(
            Start.AddDays(-90), new Dictionary<string, DateTimeOffset> { ["T2"] = Start.AddDays(-10) }, Start.AddDays(1), Start, CancellationToken.None);

        Assert.That(deleted.Counts, Is.EqualTo(new Dictionary<string, int>
        {
            ["activity_people"] = 2,
            ["finding_counts"] = 6,
            ["findings"] = 3,
            ["nudge_attempts"] = 2,
            ["nudge_counts"] = 4,
            ["nudge_feedback"] = 2,
            ["nudge_rules"] = 2,
            ["nudges"] = 2,
            ["oauth_states"] = 1,
            ["phrase_feedback"] = 2,
            ["slack_api_calls"] = 1,
        }));
        Assert.That(await Rows.CountAsync("nudges", "state = 'pending'"), Is.EqualTo(2));
        Assert.That(await Data.DeleteOldCountersAsync(old.AddMinutes(59), CancellationToken.None), Is.Zero, "an hour goes only once all of it is older");
        Assert.That(await Data.DeleteOldCountersAsync(old.AddHours(1), CancellationToken.None), Is.EqualTo(2));
    }

    [Test]
    public async Task Teams_that_left_are_listed_once_the_period_has_passed_unless_they_came_back()
    {
        var installations = Provider.Get<IInstallationStore>();
        await installations.MarkLeftAsync("T1", "app_uninstalled", Start, CancellationToken.None);
        await installations.MarkLeftAsync("T2", "app_uninstalled", Start, CancellationToken.None);
        await installations.SaveAsync(new Installation("T2", true, null, Installation.FromOAuth), Start.AddDays(1), CancellationToken.None);
        await installations.MarkLeftAsync("T3", "app_uninstalled", Start.AddDays(2), CancellationToken.None);

        Assert.That(await Data.TeamsLeftBeforeAsync(Start.AddDays(1), CancellationToken.None), Is.EqualTo(new[] { "T1" }));
    }

    [Test]
    public async Task Forgetting_a_person_deletes_each_kind_of_their_data_and_keeps_an_opt_out()
    {
        await FillAsync("T1");
        await FillAsync("T2");
        await Rows.NudgeAsync("T1", "C1", "U2", "sending", Start);

        var forgotten = await Data.DeletePersonAsync("T1", "U2", Start, CancellationToken.None);

        Assert.That(forgotten.StillOptedOut, Is.True);
        Assert.That(forgotten.Counts, Is.EqualTo(new[] { 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1 }),
            string.Join(", ", PersonDataKinds.All.Select(k => k.Label)));
        Assert.That(await Rows.CountAsync("person_settings", "team_id = 'T1' AND user_id = 'U2' AND opted_out = TRUE AND time_zone IS NULL"), Is.EqualTo(1));
        Assert.That(await Rows.CountAsync("nudges", "author_id = 'U2' AND team_id = 'T1'"), Is.EqualTo(1), "the one being sent");
        Assert.That(await Rows.CountAsync("findings", "author_id = 'U2'"), Is.EqualTo(1), "T2's");

        var installer = await Data.DeletePersonAsync("T1", "U1", Start, CancellationToken.None);
        Assert.That((installer.Counts[^3], installer.Counts[^2], installer.StillOptedOut), Is.EqualTo((1, 1, false)), "norms editor and installer cleared");
    }
}
