using AsyncCoach.Installations;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AsyncCoach.Tests.Installations;

/// <summary>
/// The decrypted token is kept between calls, and only while the stored token is the same: a
/// reinstall's new token, a revocation and a reinstall after it each take effect on the next call.
/// </summary>
public sealed class TokenCacheTests
{
    private const string Team = "T0CACHE";

    [Test]
    public async Task A_token_is_decrypted_once_for_many_calls_and_a_reinstall_or_revocation_takes_effect_on_the_next_call()
    {
        var protector = new CountingProtector();
        await using var harness = await StartAsync(protector);
        await harness.InstallAsync(InstallHarness.AnswerFor(Team, "xoxb-first"));
        var slack = harness.Factory.Services.GetRequiredService<ISlackClientFactory>().ForTeam(Team);

        for (var i = 0; i < 5; i++)
        {
            await slack.AuthTestAsync();
        }

        Assert.That(Authorizations(harness), Is.EqualTo(Enumerable.Repeat("Bearer xoxb-first", 5)));
        Assert.That(protector.Unprotected, Is.EqualTo(1), "one decryption for five calls");

        await harness.InstallAsync(InstallHarness.AnswerFor(Team, "xoxb-second"));
        await slack.AuthTestAsync();
        await slack.AuthTestAsync();
        Assert.That(Authorizations(harness).Skip(5), Is.EqualTo(new[] { "Bearer xoxb-second", "Bearer xoxb-second" }));
        Assert.That(protector.Unprotected, Is.EqualTo(2));

        await harness.Factory.Services.GetRequiredService<IInstallationStore>()
            .SetAsync(Team, active: false, "token_revoked", harness.Factory.Time.GetUtcNow(), CancellationToken.None);
        var refused = await Assert.ThrowsAsync<SlackApiException>(() => slack.AuthTestAsync());
        Assert.That(refused!.Error, Is.EqualTo("token_revoked"));
        Assert.That(Authorizations(harness), Has.Count.EqualTo(7), "a revoked team's call is not made");

        await harness.InstallAsync(InstallHarness.AnswerFor(Team, "xoxb-third"));
        await slack.AuthTestAsync();
        Assert.That(Authorizations(harness)[^1], Is.EqualTo("Bearer xoxb-third"));
    }

    [Test]
    public async Task The_same_stored_token_reactivated_after_a_revocation_is_decrypted_again()
    {
        var protector = new CountingProtector();
        await using var harness = await StartAsync(protector);
        await harness.InstallAsync(InstallHarness.AnswerFor(Team, "xoxb-only"));
        var slack = harness.Factory.Services.GetRequiredService<ISlackClientFactory>().ForTeam(Team);
        var store = harness.Factory.Services.GetRequiredService<IInstallationStore>();
        await slack.AuthTestAsync();

        await store.SetAsync(Team, active: false, "invalid_auth", harness.Factory.Time.GetUtcNow(), CancellationToken.None);
        await Assert.ThrowsAsync<SlackApiException>(() => slack.AuthTestAsync());
        await store.SetAsync(Team, active: true, null, harness.Factory.Time.GetUtcNow(), CancellationToken.None);
        await slack.AuthTestAsync();

        Assert.That(Authorizations(harness), Is.EqualTo(new[] { "Bearer xoxb-only", "Bearer xoxb-only" }));
        Assert.That(protector.Unprotected, Is.EqualTo(2), "the revocation dropped the clear token");
    }

    // The install's background users.list is left out, so that every decryption counted is a call's here.
    private static Task<InstallHarness> StartAsync(CountingProtector protector) =>
        InstallHarness.StartAsync(f => f.WithServices(s =>
        {
            s.RemoveAll<IInstallObserver>();
            s.AddSingleton<ITokenProtector>(sp => protector.Wrap(new DataProtectionTokenProtector(sp.GetRequiredService<IDataProtectionProvider>())));
        }));

    private static List<string?> Authorizations(InstallHarness harness) =>
        [.. harness.Slack.CallsTo("auth.test").Select(c => c.Header("Authorization"))];

    /// <summary>Counts decryptions of the real protector.</summary>
    private sealed class CountingProtector
    {
        private int _unprotected;

        public int Unprotected => Volatile.Read(ref _unprotected);

        public ITokenProtector Wrap(ITokenProtector inner) => new Counting(inner, this);

        private sealed class Counting(ITokenProtector inner, CountingProtector counts) : ITokenProtector
        {
            public string Protect(string token) => inner.Protect(token);

            public string Unprotect(string protectedToken)
            {
                Interlocked.Increment(ref counts._unprotected);
                return inner.Unprotect(protectedToken);
            }
        }
    }
}
