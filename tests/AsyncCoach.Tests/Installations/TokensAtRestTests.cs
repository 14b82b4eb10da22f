using System.Text;
using AsyncCoach.Core.Model;
using AsyncCoach.Tests.Fakes;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AsyncCoach.Tests.Installations;

/// <summary>After an install and a nudge sent with the installed token, the token is nowhere on disk or in the logs.</summary>
public sealed class TokensAtRestTests
{
    private const string BotToken = "xoxe.xoxb-1-canary-bot-token-4f1d2c";
    private const string RefreshToken = "xoxe-1-canary-refresh-token-9a8b7c";

    [Test]
    public async Task The_bot_and_refresh_tokens_are_not_in_the_database_files_the_journal_or_the_logs()
    {
        var logs = new FakeLogCollector();
        var harness = await InstallHarness.StartAsync(f => f
            .With("Logging:LogLevel:Default", "Trace")
            .WithServices(s => s.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(logs))));
        var database = harness.Factory.DatabasePath;
        try
        {
            var answer = InstallHarness.DocsAnswer("success_with_token_rotation");
            answer["access_token"] = BotToken;
            answer["refresh_token"] = RefreshToken;
            harness.Slack.Enqueue("oauth.v2.access", FakeResponse.Ok(answer));
            var state = Uri.EscapeDataString(await harness.StateAsync());
            Assert.That((await harness.CallbackAsync($"code=c1&state={state}")).Status, Is.EqualTo(200));

            // A message in the installed team that gets a nudge, sent with the installed token.
            var body = Payloads.MessageEvent("EvAtRest", text: "can you send me the Q3 numbers asap", channel: "C0CHAN001", user: "U0AUTHOR1",
                ts: MessageTs.FromInstant(harness.Factory.Time.GetUtcNow()).Value, team: "T9TK3CUKW");
            using (var response = await harness.Client.SendAsync(harness.Factory.SignedRequest("/slack/events", body)))
            {
                Assert.That((int)response.StatusCode, Is.EqualTo(200));
            }

            var nudge = await harness.Slack.WaitForCallAsync("chat.postEphemeral");
            Assert.That(nudge.Header("Authorization"), Is.EqualTo("Bearer " + BotToken));
            await harness.Factory.DisposeAsync();

            var files = new[] { database, database + "-wal", database + "-shm" }.Where(File.Exists)
                .Concat(Directory.Exists(database + ".inbox") ? Directory.GetFiles(database + ".inbox", "*", SearchOption.AllDirectories) : [])
                .ToList();
            Assert.That(files, Has.Count.GreaterThanOrEqualTo(2));
            foreach (var file in files)
            {
                var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file));
                Assert.That(text, Does.Not.Contain(BotToken).And.Not.Contain(RefreshToken).And.Not.Contain("canary"), file);
            }

            // The keys that decrypt the tokens are in a folder only the service's user can read.
            if (!OperatingSystem.IsWindows())
            {
                Assert.That(Directory.GetFiles(database + ".keys"), Is.Not.Empty);
                Assert.That(File.GetUnixFileMode(database + ".keys"), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
            }

            var records = logs.GetSnapshot();
            Assert.That(records, Is.Not.Empty);
            foreach (var record in records)
            {
                var everything = record.Message + " " + record.Exception + " " +
                    string.Join(' ', record.StructuredState?.Select(p => p.Value) ?? []);
                Assert.That(everything, Does.Not.Contain("canary"), record.Message);
            }
        }
        finally
        {
            await harness.DisposeAsync();
        }
    }
}
