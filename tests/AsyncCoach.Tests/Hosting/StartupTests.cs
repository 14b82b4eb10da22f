using System.Net;
using System.Net.Sockets;
using AsyncCoach.Hosting;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace AsyncCoach.Tests.Hosting;

/// <summary>The server listens while the database is migrated; nothing is served from an unmigrated one.</summary>
public sealed class StartupTests
{
    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static async Task<HttpStatusCode?> ReadyzAsync(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync("/readyz");
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null; // Not listening yet.
        }
    }

    [Test]
    public async Task While_the_database_is_migrated_readyz_answers_503_and_Slack_requests_wait_for_it()
    {
        var port = FreePort();
        await using var factory = new AsyncCoachFactory().With("urls", $"http://127.0.0.1:{port}");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        // Another connection's write transaction keeps the migration waiting (busy_timeout is 5 s).
        var blocker = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        blocker.Open();
        var hold = blocker.BeginTransaction(deferred: false);
        Task start;
        Task<HttpResponseMessage> early;
        try
        {
            start = Task.Run(factory.StartServer);
            HttpStatusCode? status = null;
            var deadline = DateTime.UtcNow.AddSeconds(3.5);
            while (status is null && DateTime.UtcNow < deadline)
            {
                status = await ReadyzAsync(client);
                await Task.Delay(status is null ? 20 : 0);
            }

            Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "listening, not migrated");
            early = client.SendAsync(factory.SignedRequest("/slack/events", Payloads.MessageEvent("EvEarly")));
            await Task.Delay(300);
            Assert.That(early.IsCompleted, Is.False, "the Slack request waits for the migration");
            Assert.That(start.IsCompleted, Is.False, "host start waits for the migration");
        }
        finally
        {
            hold.Rollback();
            blocker.Dispose();
        }

        await start;
        using (var response = await early)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        Assert.That(await ReadyzAsync(client), Is.EqualTo(HttpStatusCode.OK));
        await factory.Processed.WaitForAsync(1);
        Assert.That((await TestDatabase.InboxAsync(factory.DatabasePath)).Select(r => r.EventId), Is.EqualTo(new[] { "EvEarly" }));
        factory.DeleteDatabase();
    }

    [Test]
    public async Task A_database_that_cannot_be_created_fails_start()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = "secret",
            ["Storage:ConnectionString"] = "Data Source=/dev/null/asynccoach.db",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddAsyncCoach();
        await using var app = builder.Build();
        app.MapAsyncCoach();

        Assert.That(async () => await app.StartAsync(), Throws.InstanceOf<IOException>());
    }
}
