using System.Text.Json.Nodes;
using AsyncCoach.Commands;
using AsyncCoach.Digests;
using AsyncCoach.Nudges;
using AsyncCoach.Storage;
using AsyncCoach.Storage.Sqlite;
using AsyncCoach.Tests.Fakes;
using AsyncCoach.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AsyncCoach.Tests.Digests;

/// <summary>The digest scheduler's pass on a real SQLite file with a fake clock; a restart is a new pass object on the same file.</summary>
public sealed class DigestRunHarness : IDisposable
{
    public const string Team = "T0001";

    private readonly TempSqliteFile _file = new("digest-run");

    public DigestRunHarness(DateTimeOffset start)
    {
        _file.Migrate();
        Time = new FakeTimeProvider(start);
        Norms = new NormsStore(_file.Database, new PhraseFeedbackStore(_file.Database), Time);
        People = new PersonSettingsStore(_file.Database, Time);
        Settings = new DigestSettingsStore(_file.Database);
        Outbox = new OutboxStore(_file.Database, new SqliteGroupCommit(_file.Database));
        Installations = new InstallationStore(_file.Database);
        Installations.SaveAsync(new Installation(Team, Active: true, Reason: null, Installation.FromConfiguration), start, CancellationToken.None).GetAwaiter().GetResult();
        Run = Restart();
    }

    public InstallationStore Installations { get; }

    public FakeTimeProvider Time { get; }

    public NormsStore Norms { get; }

    public PersonSettingsStore People { get; }

    public DigestSettingsStore Settings { get; }

    public OutboxStore Outbox { get; }

    public DigestRun Run { get; private set; }

    /// <summary>A new scheduler on the same database (nothing in memory carries over).</summary>
    public DigestRun Restart() => Run = new DigestRun(
        Settings, Norms, People, new PersonZones(new FakeWorkspaceDirectory()), Installations, Outbox,
        new OutboxSignal(), Options.Create(new DigestOptions()), NullLogger<DigestRun>.Instance);

    public async Task LeadsAsync(params (string Lead, string Zone)[] leads)
    {
        await Norms.SetAsync(Team, "leads", new JsonArray([.. leads.Select(l => (JsonNode?)JsonValue.Create(l.Lead))]), "test", CancellationToken.None);
        foreach (var (lead, zone) in leads)
        {
            await ZoneAsync(lead, zone);
        }
    }

    public Task ZoneAsync(string lead, string zone) =>
        People.SaveAsync(Team, new PersonSettings(lead, null, zone, null, false), CancellationToken.None);

    /// <summary>Runs a pass now, then one every <paramref name="step"/> until <paramref name="until"/>.</summary>
    public async Task SimulateAsync(DateTimeOffset until, TimeSpan step)
    {
        await Run.RunAsync(Time.GetUtcNow(), CancellationToken.None);
        while (Time.GetUtcNow() + step <= until)
        {
            Time.Advance(step);
            await Run.RunAsync(Time.GetUtcNow(), CancellationToken.None);
        }
    }

    public async Task<IReadOnlyList<DigestRow>> DigestsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False");
        return (await connection.QueryAsync<DigestRow>(
            "SELECT id AS Id, author_id AS Lead, message_ts AS Key, created_at AS CreatedAt, content_json AS Payload, state AS State, end_reason AS EndReason FROM nudges WHERE kind = 'digest' ORDER BY id")).AsList();
    }

    public void Dispose() => _file.Dispose();
}

public sealed record DigestRow(long Id, string Lead, string Key, string CreatedAt, string? Payload, string State, string? EndReason)
{
    public DateTimeOffset Created => StoredInstant.Parse(CreatedAt);

    public bool Late => Payload?.Contains("\"late\":true", StringComparison.Ordinal) == true;
}
