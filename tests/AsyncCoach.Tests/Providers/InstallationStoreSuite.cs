using AsyncCoach.Storage;

namespace AsyncCoach.Tests.Providers;

/// <summary><see cref="IInstallationStore"/>'s contract, the same tests against every provider.</summary>
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
public sealed class InstallationStoreSuite(string provider) : ProviderSuite(provider)
{
    private IInstallationStore Installations => Provider.Get<IInstallationStore>();

    private static Installation OAuth(string team) => new(
        team, Active: true, Reason: null, Installation.FromOAuth, EnterpriseId: "E1", IsEnterpriseInstall: false, BotUserId: "UBOT",
        ProtectedBotToken: "protected-bot", ProtectedRefreshToken: "protected-refresh", TokenExpiresAt: Start.AddHours(12),
        Scopes: "chat:write,commands", InstallerUserId: "U1", InstalledAt: Start);

    [Test]
    public async Task A_saved_installation_is_read_back_whole_and_an_unknown_team_has_none_but_counts_as_active()
    {
        Assert.That(await Installations.GetAsync("T1", CancellationToken.None), Is.Null, "read (and cached) before the save");
        Assert.That(await Installations.IsActiveAsync("T1", CancellationToken.None), Is.True);

        await Installations.SaveAsync(OAuth("T1"), Start, CancellationToken.None);

        Assert.That(await Installations.GetAsync("T1", CancellationToken.None), Is.EqualTo(OAuth("T1")), "the write is seen by the next read");
        Assert.That(await Installations.ActiveTeamsAsync(CancellationToken.None), Is.EqualTo(new[] { "T1" }));
    }

    [Test]
    public async Task A_token_that_stopped_working_makes_the_team_inactive_until_it_works_again()
    {
        await Installations.SaveAsync(OAuth("T1"), Start, CancellationToken.None);

        await Installations.SetAsync("T1", active: false, "token_revoked", Start.AddHours(1), CancellationToken.None);
        await Installations.SetAsync("T9", active: false, "invalid_auth", Start.AddHours(1), CancellationToken.None);

        Assert.That(await Installations.IsActiveAsync("T1", CancellationToken.None), Is.False);
        Assert.That((await Installations.GetAsync("T1", CancellationToken.None))!.Reason, Is.EqualTo("token_revoked"));
        Assert.That(await Installations.InactiveTeamsAsync(CancellationToken.None), Is.EquivalentTo(new[] { "T1", "T9" }));
        Assert.That(await Installations.ActiveTeamsAsync(CancellationToken.None), Is.Empty, "T9's bare row has no source");

        await Installations.SetAsync("T1", active: true, null, Start.AddHours(2), CancellationToken.None);
        Assert.That(await Installations.IsActiveAsync("T1", CancellationToken.None), Is.True);
    }

    [Test]
    public async Task A_team_that_left_loses_its_tokens_and_a_reinstall_brings_it_back()
    {
        await Installations.SaveAsync(OAuth("T1"), Start, CancellationToken.None);

        await Installations.MarkLeftAsync("T1", "app_uninstalled", Start.AddDays(1), CancellationToken.None);
        var left = await Installations.GetAsync("T1", CancellationToken.None);

        Assert.That(left, Is.EqualTo(OAuth("T1") with
        {
            Active = false,
            Reason = "app_uninstalled",
            ProtectedBotToken = null,
            ProtectedRefreshToken = null,
            TokenExpiresAt = null,
            UninstalledAt = Start.AddDays(1),
        }));

        await Installations.SaveAsync(OAuth("T1") with { InstalledAt = Start.AddDays(2) }, Start.AddDays(2), CancellationToken.None);
        Assert.That(await Installations.GetAsync("T1", CancellationToken.None), Is.EqualTo(OAuth("T1") with { InstalledAt = Start.AddDays(2) }));
    }

    [Test]
    public async Task Rotated_tokens_are_stored_and_a_team_without_a_row_is_left_alone()
    {
        await Installations.SaveAsync(OAuth("T1"), Start, CancellationToken.None);

        await Installations.UpdateTokensAsync("T1", "bot-2", "refresh-2", Start.AddHours(24), Start.AddHours(11), CancellationToken.None);
        await Installations.UpdateTokensAsync("T2", "bot-x", null, null, Start, CancellationToken.None);

        Assert.That(await Installations.GetAsync("T1", CancellationToken.None),
            Is.EqualTo(OAuth("T1") with { ProtectedBotToken = "bot-2", ProtectedRefreshToken = "refresh-2", TokenExpiresAt = Start.AddHours(24) }));
        Assert.That(await Installations.GetAsync("T2", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task The_configured_token_registers_its_team_once_and_never_overrides_an_installed_token()
    {
        await Installations.RegisterConfiguredAsync("T1", null, false, "UBOT", Start, CancellationToken.None);
        await Installations.MarkLeftAsync("T1", "tokens_revoked", Start.AddHours(1), CancellationToken.None);
        await Installations.RegisterConfiguredAsync("T1", null, false, "UBOT", Start.AddHours(2), CancellationToken.None);
        await Installations.SaveAsync(OAuth("T2"), Start, CancellationToken.None);
        await Installations.RegisterConfiguredAsync("T2", null, false, "UOTHER", Start.AddHours(2), CancellationToken.None);

        Assert.That(await Installations.GetAsync("T1", CancellationToken.None), Is.EqualTo(
            new Installation("T1", true, null, Installation.FromConfiguration, BotUserId: "UBOT", InstalledAt: Start)),
            "active again, first installation time kept");
        Assert.That(await Installations.GetAsync("T2", CancellationToken.None), Is.EqualTo(OAuth("T2")));
    }

    [Test]
    public async Task A_workspace_is_linked_to_its_org_and_can_move()
    {
        Assert.That(await Installations.OrgOfAsync("T1", CancellationToken.None), Is.Null);

        await Installations.LinkTeamAsync("T1", "E1", Start, CancellationToken.None);
        await Installations.LinkTeamAsync("T1", "E2", Start.AddDays(1), CancellationToken.None);

        Assert.That(await Installations.OrgOfAsync("T1", CancellationToken.None), Is.EqualTo("E2"));
    }
}
