using System.Text.Json.Nodes;
using AsyncCoach.Caching;
using AsyncCoach.Hosting;
using AsyncCoach.Storage;
using AsyncCoach.Storage.Sqlite;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AsyncCoach.Tests.Caching;

/// <summary>
/// The stores' read-through caches (person settings, norms, installations) stay within
/// <c>Caches:*</c> however many people and teams pass through, and what they let go (evicted, or
/// older than <c>Caches:MaxAge</c>) is read again from the real SQLite file, correctly.
/// </summary>
public sealed class BoundedStoreCacheTests
{
    private const string Team = "T0001";
    private static readonly string[] Zones = ["Europe/Lisbon", "Asia/Tokyo", "America/Chicago", "Africa/Nairobi"];

    private TempSqliteFile _file = null!;
    private FakeTimeProvider _time = null!;

    [SetUp]
    public void SetUp()
    {
        _file = new TempSqliteFile("bounded-cache");
        _file.Migrate();
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    }

    [TearDown]
    public void TearDown() => _file.Dispose();

    private static IOptions<CacheOptions> Bounds(int maxPeople = 100_000, int maxTeams = 10_000, int ageMinutes = 10) =>
        Options.Create(new CacheOptions { MaxPersonSettings = maxPeople, MaxTeams = maxTeams, MaxAge = TimeSpan.FromMinutes(ageMinutes) });

    private static string User(int i) => $"U{i:D7}";

    // Every person has settings of their own, so a wrong reload (another person's row, or none) shows.
    private static string ZoneOf(int i) => Zones[i % Zones.Length];

    private static bool OptedOut(int i) => i % 7 == 3;

    private async Task SeedPeopleAsync(int count)
    {
        await using var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False");
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO person_settings (team_id, user_id, time_zone, opted_out, updated_at)
            VALUES ($team, $user, $zone, $out, '2026-12-01T00:00:00.0000000+00:00')
            """;
        var user = insert.Parameters.Add("$user", SqliteType.Text);
        var zone = insert.Parameters.Add("$zone", SqliteType.Text);
        var optedOut = insert.Parameters.Add("$out", SqliteType.Integer);
        insert.Parameters.AddWithValue("$team", Team);
        for (var i = 0; i < count; i++)
        {
            user.Value = User(i);
            zone.Value = ZoneOf(i);
            optedOut.Value = OptedOut(i) ? 1 : 0;
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    [Test]
    public async Task Settings_of_100000_people_keep_the_cache_at_its_bound_and_people_let_go_are_read_again_correctly()
    {
        const int people = 100_000;
        const int bound = 2_000;
        await SeedPeopleAsync(people);
        using var store = new PersonSettingsStore(_file.Database, _time, Bounds(maxPeople: bound));

        var largest = 0;
        for (var start = 0; start < people; start += 500)
        {
            var batch = Enumerable.Range(start, 500).Select(User).ToList();
            var found = await store.GetManyAsync(Team, batch, CancellationToken.None);
            Assert.That(found, Has.Count.EqualTo(500));
            largest = Math.Max(largest, store.CachedCount);
        }

        Assert.That(largest, Is.EqualTo(bound), "the cache fills up to its bound and never past it");
        Assert.That(store.CachedCount, Is.LessThanOrEqualTo(bound));

        // The first people were let go long ago (100,000 passed through 2,000 places): read again.
        var first = Enumerable.Range(0, 500).Select(User).ToList();
        var again = await store.GetManyAsync(Team, first, CancellationToken.None);
        Assert.Multiple(() =>
        {
            for (var i = 0; i < first.Count; i++)
            {
                Assert.That(again[User(i)].TimeZone, Is.EqualTo(ZoneOf(i)), User(i));
                Assert.That(again[User(i)].OptedOut, Is.EqualTo(OptedOut(i)), User(i));
            }
        });
        Assert.That(store.CachedCount, Is.LessThanOrEqualTo(bound));
    }

    [Test]
    public async Task People_with_no_settings_are_cached_as_none_within_the_bound_too()
    {
        using var store = new PersonSettingsStore(_file.Database, _time, Bounds(maxPeople: 300));

        for (var start = 0; start < 20_000; start += 1_000)
        {
            var found = await store.GetManyAsync(Team, Enumerable.Range(start, 1_000).Select(User).ToList(), CancellationToken.None);
            Assert.That(found, Is.Empty);
        }

        Assert.That(store.CachedCount, Is.InRange(1, 300));
        var anyone = await store.GetAsync(Team, User(5), CancellationToken.None);
        Assert.That(anyone, Is.EqualTo(new PersonSettings(User(5), null, null, null, false)));
    }

    [Test]
    public async Task A_setting_changed_by_another_instance_is_seen_once_the_cached_one_is_older_than_the_maximum_age()
    {
        await SeedPeopleAsync(1);
        using var store = new PersonSettingsStore(_file.Database, _time, Bounds(ageMinutes: 10));
        Assert.That((await store.GetAsync(Team, User(0), CancellationToken.None)).TimeZone, Is.EqualTo(ZoneOf(0)));

        await TestDatabase.ExecuteAsync(_file.Path, "UPDATE person_settings SET time_zone = 'Pacific/Auckland'");
        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.That((await store.GetAsync(Team, User(0), CancellationToken.None)).TimeZone, Is.EqualTo(ZoneOf(0)), "still served from the cache");

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.That((await store.GetAsync(Team, User(0), CancellationToken.None)).TimeZone, Is.EqualTo("Pacific/Auckland"));
    }

    [Test]
    public async Task Norms_of_many_teams_keep_the_cache_at_its_bound_and_a_teams_own_norms_come_back_after_eviction()
    {
        using var norms = new NormsStore(_file.Database, new PhraseFeedbackStore(_file.Database), _time, Bounds(maxTeams: 100));
        await norms.SetAsync("TOWN", "max_nudges_per_day", JsonValue.Create(7), "UADMIN", CancellationToken.None);

        for (var i = 0; i < 5_000; i++)
        {
            Assert.That((await norms.GetAsync($"T{i:D6}", CancellationToken.None)).MaxNudgesPerDay, Is.EqualTo(3));
        }

        Assert.That(norms.CachedCount, Is.InRange(1, 100));
        Assert.That((await norms.GetAsync("TOWN", CancellationToken.None)).MaxNudgesPerDay, Is.EqualTo(7));
    }

    [Test]
    public async Task Installations_of_many_teams_keep_the_cache_at_its_bound_and_a_left_team_is_still_seen_as_left()
    {
        using var installations = new InstallationStore(_file.Database, Bounds(maxTeams: 50), _time);
        await installations.SetAsync("TGONE", active: false, "token_revoked", _time.GetUtcNow(), CancellationToken.None);
        Assert.That(await installations.IsActiveAsync("TGONE", CancellationToken.None), Is.False);

        for (var i = 0; i < 2_000; i++)
        {
            Assert.That(await installations.IsActiveAsync($"T{i:D6}", CancellationToken.None), Is.True);
        }

        Assert.That(installations.CachedCount, Is.InRange(1, 50));
        Assert.That(await installations.IsActiveAsync("TGONE", CancellationToken.None), Is.False);
    }

    [TestCase(0, 10_000, 10, "Caches:MaxPersonSettings", "Caches__MaxPersonSettings")]
    [TestCase(100_000, 0, 10, "Caches:MaxTeams", "Caches__MaxTeams")]
    [TestCase(100_000, 10_000, 0, "Caches:MaxAge", "Caches__MaxAge")]
    public void A_cache_bound_that_cannot_work_fails_naming_the_key_and_the_variable(int maxPeople, int maxTeams, int ageMinutes, string key, string variable)
    {
        var result = new CacheOptionsValidator().Validate(null, Bounds(maxPeople, maxTeams, ageMinutes).Value);

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain(key).And.Contain(variable));
    }

    [Test]
    public void The_default_bounds_are_valid()
    {
        Assert.That(new CacheOptionsValidator().Validate(null, new CacheOptions()).Succeeded, Is.True);
    }
}
