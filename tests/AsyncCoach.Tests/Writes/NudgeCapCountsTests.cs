using AsyncCoach.Core.Nudges;
using AsyncCoach.Core.Rules;
using AsyncCoach.Storage;
using AsyncCoach.Storage.Sqlite;
using AsyncCoach.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AsyncCoach.Tests.Writes;

/// <summary>
/// The caps' counts kept in memory on SQLite (<see cref="NudgeCapCounts"/>): read from the file
/// once per author and day, then kept by the rounds that add nudges, and always equal to what a
/// fresh read of the file says: after rounds that commit, a round rolled back, a nudge ended
/// unsent, a new day, a person forgotten. Real SQLite file; each round as the inbox round writes
/// (counts read, then the nudge added, in one transaction on the kept connection).
/// </summary>
public sealed class NudgeCapCountsTests
{
    private const string Team = "T0001";
    private const string Author = "U0AUTHOR1";
    private static readonly DateTimeOffset DayStart = new(2026, 3, 10, 0, 0, 0, TimeSpan.FromHours(1));
    private static readonly CancellationToken None = CancellationToken.None;

    private TempSqliteFile _file = null!;
    private NudgeStore _store = null!;
    private SqliteGroupCommit _groupCommit = null!;
    private SqliteConnection _kept = null!;
    private PreparedCommands _prepared = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        _file = new TempSqliteFile("nudge-cap-counts");
        _file.Migrate();
        _store = new NudgeStore(_file.Database);
        _groupCommit = new SqliteGroupCommit(_file.Database);
        _kept = await _file.Database.OpenAsync(None);
        _prepared = PreparedCommands.KeepOn(_kept);
    }

    [TearDown]
    public async Task DeleteDatabase()
    {
        await _groupCommit.DisposeAsync();
        _prepared.Dispose();
        _kept.Dispose();
        _file.Dispose();
    }

    [Test]
    public async Task Counts_kept_by_the_rounds_equal_a_fresh_read_of_the_file()
    {
        await RoundAsync("1.1", DayStart.AddHours(9), Author, RuleIds.VagueUrgency);
        await RoundAsync("1.2", DayStart.AddHours(10), Author, RuleIds.VagueUrgency, RuleIds.MissingContext);
        await RoundAsync("1.3", DayStart.AddHours(10), "U0SOMEONE", RuleIds.MissingContext);
        var kept = await CountAsync(Author);
        await RoundAsync("1.4", DayStart.AddHours(11), Author, RuleIds.HuddleInsteadOfThread);

        var afterAnother = await CountAsync(Author);

        Assert.That(Describe(kept), Is.EqualTo("2: missing-context=1, vague-urgency=2"));
        Assert.That(Describe(afterAnother), Is.EqualTo("3: huddle-instead-of-thread=1, missing-context=1, vague-urgency=2"));
        Assert.That(Describe(afterAnother), Is.EqualTo(Describe(await FreshCountAsync(Author))));
        Assert.That(Describe(await CountAsync("U0SOMEONE")), Is.EqualTo("1: missing-context=1"));
    }

    [Test]
    public async Task A_count_once_read_is_served_from_memory_not_from_the_file()
    {
        await RoundAsync("2.1", DayStart.AddHours(9), Author, RuleIds.VagueUrgency);
        Assert.That((await CountAsync(Author)).Today, Is.EqualTo(1));

        // Written behind the store's back (the service is the file's only writer, so this never
        // happens there): a count read from the file would see it.
        await using (var connection = await _file.Database.OpenAsync(None))
        {
            await connection.ExecuteAsync("""
                INSERT INTO nudges (team_id, channel_id, message_ts, author_id, delivery, state, next_attempt_at, expires_at, day_start, created_at)
                VALUES (@Team, 'C0CHAN001', '2.2', @Author, 'Ephemeral', 'sent', @At, @At, @At, @At);
                INSERT INTO nudge_rules (nudge_id, rule_id) VALUES (last_insert_rowid(), 'vague-urgency');
                """, new { Team, Author, At = StoredInstant.Format(DayStart.AddHours(9)) });
        }

        Assert.That((await CountAsync(Author)).Today, Is.EqualTo(1), "kept in memory");
        Assert.That((await FreshCountAsync(Author)).Today, Is.EqualTo(2), "what the file holds");
    }

    [Test]
    public async Task A_round_that_rolls_back_changes_no_count()
    {
        await RoundAsync("3.1", DayStart.AddHours(9), Author, RuleIds.VagueUrgency);

        await using (var round = await _file.Database.BeginWriteAsync(_kept, None))
        {
            var before = await _store.CountsAsync(round, Team, Author, DayStart, None);
            await _store.TryAddAsync(round, Nudge("3.2", Author, [RuleIds.VagueUrgency]), DayStart.AddHours(10), None);
            var inside = await _store.CountsAsync(round, Team, Author, DayStart, None);
            Assert.That((before.Today, inside.Today), Is.EqualTo((1, 2)), "the round's own nudge counts inside it");
        }

        Assert.That(Describe(await CountAsync(Author)), Is.EqualTo("1: vague-urgency=1"));
        Assert.That(Describe(await FreshCountAsync(Author)), Is.EqualTo("1: vague-urgency=1"));
    }

    [TestCase(IOutboxStore.Expired, 1)]
    [TestCase(IOutboxStore.Failed, 1)]
    [TestCase(IOutboxStore.Sent, 2)]
    public async Task A_nudge_that_ends_without_reaching_its_author_stops_counting_at_once(string state, int counted)
    {
        await RoundAsync("4.1", DayStart.AddHours(9), Author, RuleIds.VagueUrgency);
        var id = await RoundAsync("4.2", DayStart.AddHours(9), Author, RuleIds.MissingContext);
        Assert.That((await CountAsync(Author)).Today, Is.EqualTo(2));

        await new OutboxStore(_file.Database, _groupCommit).EndAsync(id, state, state == IOutboxStore.Sent ? null : "stale", null, DayStart.AddHours(9), None);

        Assert.That((await CountAsync(Author)).Today, Is.EqualTo(counted));
        Assert.That((await FreshCountAsync(Author)).Today, Is.EqualTo(counted));
    }

    [Test]
    public async Task The_author_s_next_day_is_read_afresh()
    {
        await RoundAsync("5.1", DayStart.AddHours(9), Author, RuleIds.VagueUrgency);
        Assert.That((await CountAsync(Author)).Today, Is.EqualTo(1));

        var nextDay = DayStart.AddDays(1);
        await using (var round = await _file.Database.BeginWriteAsync(_kept, None))
        {
            var counts = await _store.CountsAsync(round, Team, Author, nextDay, None);
            await round.CommitAsync(None);
            Assert.That(counts.Today, Is.Zero);
        }
    }

    [Test]
    public async Task Forgetting_a_person_drops_their_counts()
    {
        var id = await RoundAsync("6.1", DayStart.AddHours(9), Author, RuleIds.VagueUrgency);
        await new OutboxStore(_file.Database, _groupCommit).EndAsync(id, IOutboxStore.Sent, null, "ok", DayStart.AddHours(9), None);
        Assert.That((await CountAsync(Author)).Today, Is.EqualTo(1));

        await new TeamDataStore(_file.Database).DeletePersonAsync(Team, Author, DayStart.AddHours(10), None);

        Assert.That((await CountAsync(Author)).Today, Is.Zero);
        Assert.That((await FreshCountAsync(Author)).Today, Is.Zero);
    }

    [Test]
    public void What_a_transaction_read_before_the_counts_were_forgotten_is_not_kept()
    {
        var caps = new NudgeCapCounts();
        var round = caps.Begin();
        round.Read(Team, Author, DayStart, new NudgeCounts(3, new Dictionary<string, int> { [RuleIds.VagueUrgency] = 3 }));

        // A call's end, joined into the same commit, failed one of those nudges.
        caps.Forget();
        round.Committed();

        Assert.That(caps.Begin().TryGet(Team, Author, DayStart, out _), Is.False);
    }

    // As the inbox round writes a nudge: the author's counts, then the nudge, one transaction.
    private async Task<long> RoundAsync(string ts, DateTimeOffset now, string author, params string[] rules)
    {
        await using var round = await _file.Database.BeginWriteAsync(_kept, None);
        await _store.CountsAsync(round, Team, author, DayStart, None);
        var id = await _store.TryAddAsync(round, Nudge(ts, author, rules) with { Claimed = true }, now, None);
        await round.CommitAsync(None);
        return id!.Value;
    }

    private async Task<NudgeCounts> CountAsync(string author)
    {
        await using var round = await _file.Database.BeginWriteAsync(_kept, None);
        var counts = await _store.CountsAsync(round, Team, author, DayStart, None);
        await round.CommitAsync(None);
        return counts;
    }

    // Another process's view of the same file: nothing kept in memory yet.
    private async Task<NudgeCounts> FreshCountAsync(string author)
    {
        using var fresh = new SqliteDatabase(Microsoft.Extensions.Options.Options.Create(new StorageOptions { ConnectionString = $"Data Source={_file.Path}" }));
        await using var write = await fresh.BeginWriteAsync(None);
        return await new NudgeStore(fresh).CountsAsync(write, Team, author, DayStart, None);
    }

    private static NewNudge Nudge(string ts, string author, string[] rules) =>
        new(Team, "C0CHAN001", ts, null, author, NudgeDelivery.Ephemeral, "{}", DayStart.AddDays(1), DayStart, rules);

    private static string Describe(NudgeCounts counts) =>
        $"{counts.Today}: " + string.Join(", ", counts.PerRuleToday.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
