using AsyncCoach.Core.Nudges;
using AsyncCoach.Core.Rules;
using AsyncCoach.Storage;
using AsyncCoach.Storage.Sqlite;
using AsyncCoach.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AsyncCoach.Tests.Writes;

/// <summary>
/// What the caps count: the author's nudges since the start of their day, in this workspace,
/// except those that expired or failed (they never reached the author), each rule of a nudge
/// once for that rule. Run on a pooled connection and on a kept one with compiled statements
/// (the inbox processor's), which must read and write the same.
/// </summary>
[TestFixture(false)]
[TestFixture(true)]
public sealed class NudgeCountsTests(bool keptConnection)
{
    private const string Team = "T0001";
    private const string Author = "U0AUTHOR1";
    private static readonly DateTimeOffset DayStart = new(2026, 3, 10, 0, 0, 0, TimeSpan.FromHours(1));

    private TempSqliteFile _file = null!;
    private NudgeStore _store = null!;
    private SqliteConnection? _kept;
    private PreparedCommands? _prepared;

    [SetUp]
    public async Task CreateDatabase()
    {
        _file = new TempSqliteFile("nudge-counts");
        _file.Migrate();
        _store = new NudgeStore(_file.Database);
        if (keptConnection)
        {
            _kept = await _file.Database.OpenAsync(CancellationToken.None);
            _prepared = PreparedCommands.KeepOn(_kept);
        }
    }

    [TearDown]
    public void DeleteDatabase()
    {
        _prepared?.Dispose();
        _kept?.Dispose();
        _file.Dispose();
    }

    [Test]
    public async Task Counts_today_s_delivered_and_pending_nudges_per_rule()
    {
        await AddAsync("1.1", DayStart.AddHours(9), "sent", RuleIds.VagueUrgency);
        await AddAsync("1.2", DayStart.AddHours(10), "pending", RuleIds.VagueUrgency, RuleIds.MissingContext);
        await AddAsync("1.3", DayStart.AddHours(11), "expired", RuleIds.VagueUrgency);
        await AddAsync("1.4", DayStart.AddHours(12), "failed", RuleIds.MissingContext);
        await AddAsync("1.5", DayStart.AddMinutes(-1), "sent", RuleIds.VagueUrgency);
        await AddAsync("1.6", DayStart.AddHours(9), "sent", RuleIds.VagueUrgency, author: "U0SOMEONE");
        await AddAsync("1.7", DayStart.AddHours(9), "sent", RuleIds.HuddleInsteadOfThread, team: "T0002");

        var counts = await CountAsync();

        Assert.That(counts.Today, Is.EqualTo(2));
        Assert.That(counts.PerRuleToday, Is.EquivalentTo(new Dictionary<string, int>
        {
            [RuleIds.VagueUrgency] = 2,
            [RuleIds.MissingContext] = 1,
        }));
    }

    [Test]
    public async Task A_second_nudge_for_the_same_message_is_not_added()
    {
        var first = await AddAsync("2.1", DayStart.AddHours(9), "pending", RuleIds.VagueUrgency);
        var second = await AddAsync("2.1", DayStart.AddHours(10), "pending", RuleIds.MissingContext);

        Assert.That(first, Is.Not.Null);
        Assert.That(second, Is.Null);
        Assert.That((await CountAsync()).PerRuleToday, Is.EquivalentTo(new Dictionary<string, int> { [RuleIds.VagueUrgency] = 1 }));
    }

    [Test]
    public async Task An_author_without_nudges_today_has_none() =>
        Assert.That(await CountAsync(), Has.Property(nameof(NudgeCounts.Today)).EqualTo(0)
            .And.Property(nameof(NudgeCounts.PerRuleToday)).Empty);

    private Task<SqliteWrite> BeginWriteAsync() =>
        _kept is null ? _file.Database.BeginWriteAsync(CancellationToken.None) : _file.Database.BeginWriteAsync(_kept, CancellationToken.None);

    private async Task<NudgeCounts> CountAsync()
    {
        await using var write = await BeginWriteAsync();
        return await _store.CountsAsync(write, Team, Author, DayStart, CancellationToken.None);
    }

    private async Task<long?> AddAsync(string ts, DateTimeOffset createdAt, string state, string rule, string? secondRule = null, string author = Author, string team = Team)
    {
        await using var write = await BeginWriteAsync();
        string[] rules = secondRule is null ? [rule] : [rule, secondRule];
        var id = await _store.TryAddAsync(write, new NewNudge(
            team, "C0CHAN001", ts, null, author, NudgeDelivery.Ephemeral, "{}", createdAt.AddMinutes(10), DayStart, rules), createdAt, CancellationToken.None);
        await write.Connection.ExecuteAsync("UPDATE nudges SET state = @State WHERE id = @Id", new { State = state, Id = id }, write.Transaction);
        await write.CommitAsync(CancellationToken.None);
        return id;
    }
}
