using System.Net;
using AsyncCoach.Tests.Infrastructure;

namespace AsyncCoach.Tests.Endpoints;

public sealed class HealthTests
{
    [Test]
    public async Task Healthz_and_readyz_answer_once_the_database_is_migrated()
    {
        await using var factory = new AsyncCoachFactory();
        using var client = factory.CreateRealClient();

        using var health = await client.GetAsync("/healthz");
        using var ready = await client.GetAsync("/readyz");

        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await TestDatabase.ScalarAsync<string>(factory.DatabasePath, "PRAGMA journal_mode"), Is.EqualTo("wal"));
        factory.DeleteDatabase();
    }

    [Test]
    public async Task Readyz_reports_503_when_the_database_is_gone()
    {
        await using var factory = new AsyncCoachFactory();
        using var client = factory.CreateRealClient();
        factory.DeleteDatabase();

        using var ready = await client.GetAsync("/readyz");

        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
    }
}
