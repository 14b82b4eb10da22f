using System.Net;
using AsyncCoach.Nudges;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;

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
        // The background loops start their first rounds once the database is migrated; a
        // connection one of them still holds would go back to the pool after the delete and keep
        // the deleted file open. Here only the inbox processor runs, and the probe says when its
        // first round is over.
        await using var factory = new AsyncCoachFactory().WithServices(services =>
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OutboxSender))));
        var idle = factory.Processed.WaitForIdleRoundAsync();
        using var client = factory.CreateRealClient();
        await idle;
        factory.DeleteDatabase();

        using var ready = await client.GetAsync("/readyz");

        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
    }

    // Deleted behind the service's back: its pooled connections keep the old database file open,
    // and the journal its files, so only the paths tell.
    [TestCase("", "database file missing")]
    [TestCase(".inbox", "inbox journal missing")]
    public async Task Readyz_reports_503_when_the_database_file_or_the_journal_folder_is_deleted(string suffix, string title)
    {
        await using var factory = new AsyncCoachFactory();
        using var client = factory.CreateRealClient();
        using (var response = await client.SendAsync(factory.SignedRequest("/slack/events", Payloads.MessageEvent("EvBeforeDelete"))))
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await factory.Processed.WaitForAsync(1);
        using (var before = await client.GetAsync("/readyz"))
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var path = factory.DatabasePath + suffix;
        if (suffix.Length == 0)
        {
            File.Delete(path);
        }
        else
        {
            Directory.Delete(path, recursive: true);
        }

        using var ready = await client.GetAsync("/readyz");

        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await ready.Content.ReadAsStringAsync(), Does.Contain(title).And.Contain(path));
        factory.DeleteDatabase();
    }
}
