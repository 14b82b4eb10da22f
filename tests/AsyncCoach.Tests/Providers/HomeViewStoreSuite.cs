using AsyncCoach.Storage;

namespace AsyncCoach.Tests.Providers;

/// <summary><see cref="IHomeViewStore"/>'s contract, the same tests against every provider.</summary>
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
public sealed class HomeViewStoreSuite(string provider) : ProviderSuite(provider)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Expiry = TimeSpan.FromMinutes(10);

    private IHomeViewStore Home => Provider.Get<IHomeViewStore>();

    private Task<long?> RequestAsync(bool changed, DateTimeOffset now) =>
        Home.RequestAsync("T1", "U1", changed, Window, Expiry, now, CancellationToken.None);

    [Test]
    public async Task A_publish_still_pending_serves_every_request_made_meanwhile()
    {
        var first = await RequestAsync(changed: true, Start);

        Assert.That(first, Is.Not.Null);
        Assert.That(await RequestAsync(changed: true, Start.AddSeconds(5)), Is.Null);
        Assert.That(await RequestAsync(changed: false, Start.AddMinutes(5)), Is.Null);
        Assert.That(await Provider.ExecuteAsync("SELECT COUNT(*) FROM nudges WHERE kind = 'home'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Once_sent_a_change_publishes_again_at_once_and_an_opened_tab_only_after_the_window()
    {
        var first = await RequestAsync(changed: true, Start);
        await Provider.ExecuteAsync($"UPDATE nudges SET state = 'sent' WHERE id = {first}");

        Assert.That(await RequestAsync(changed: false, Start.AddSeconds(30)), Is.Null, "opened within the window");
        var opened = await RequestAsync(changed: false, Start + Window + TimeSpan.FromSeconds(1));
        await Provider.ExecuteAsync($"UPDATE nudges SET state = 'sent' WHERE id = {opened}");
        var changed = await RequestAsync(changed: true, Start + Window + TimeSpan.FromSeconds(2));

        Assert.That(opened, Is.Not.Null);
        Assert.That(changed, Is.Not.Null.And.Not.EqualTo(opened));
    }

    [Test]
    public async Task Requests_racing_add_one_publish()
    {
        var racing = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => RequestAsync(changed: true, Start))));

        Assert.That(racing.Count(id => id is not null), Is.EqualTo(1));
        Assert.That(await Provider.ExecuteAsync("SELECT COUNT(*) FROM nudges WHERE kind = 'home'"), Is.EqualTo(1));
    }
}
