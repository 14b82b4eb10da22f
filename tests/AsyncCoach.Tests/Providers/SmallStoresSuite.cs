using AsyncCoach.Storage;

namespace AsyncCoach.Tests.Providers;

/// <summary><see cref="IOAuthStateStore"/> and <see cref="IApiCallStore"/>, the same tests against every provider.</summary>
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
public sealed class SmallStoresSuite(string provider) : ProviderSuite(provider)
{
    [Test]
    public async Task An_install_state_is_accepted_once_even_when_two_callbacks_race()
    {
        var states = Provider.Get<IOAuthStateStore>();

        var racing = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => states.TryUseAsync("nonce-1", Start, Start.AddMinutes(10), CancellationToken.None))));

        Assert.That(racing.Count(won => won), Is.EqualTo(1));
        Assert.That(await states.TryUseAsync("nonce-2", Start, Start.AddMinutes(10), CancellationToken.None), Is.True);
    }

    [Test]
    public async Task Recorded_calls_are_listed_in_the_order_they_were_made()
    {
        var calls = Provider.Get<IApiCallStore>();

        await calls.RecordAsync("T1", "chat.postEphemeral", "{\"channel\":\"C1\"}", CancellationToken.None);
        await calls.RecordAsync("T2", "views.publish", "{\"user_id\":\"U1\"}", CancellationToken.None);

        Assert.That(await calls.ListAsync(CancellationToken.None), Is.EqualTo(new[]
        {
            new RecordedApiCall("T1", "chat.postEphemeral", "{\"channel\":\"C1\"}"),
            new RecordedApiCall("T2", "views.publish", "{\"user_id\":\"U1\"}"),
        }));
    }
}
