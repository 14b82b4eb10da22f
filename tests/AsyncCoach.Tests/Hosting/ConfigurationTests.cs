using AsyncCoach.Cli;
using AsyncCoach.Hosting;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Tests.Hosting;

[NonParallelizable]
public sealed class ConfigurationTests
{
    private static async Task<OptionsValidationException> StartFailureAsync(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = "secret",
            ["Storage:ConnectionString"] = $"Data Source={TestFiles.NewDatabase("config")}",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddAsyncCoach();
        await using var app = builder.Build();
        app.MapAsyncCoach();
        return (await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync()))!;
    }

    /// <summary>Runs the command line with stderr captured.</summary>
    private static async Task<(int Code, string Stderr)> RunAsync(params string[] args)
    {
        var stderr = new StringWriter();
        var original = Console.Error;
        Console.SetError(stderr);
        try
        {
            return (await AsyncCoachCli.RunAsync(args), stderr.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }

    private static string TempDatabase() => $"Data Source={TestFiles.NewDatabase("config")}";

    [Test]
    public async Task A_missing_signing_secret_fails_start_naming_the_key_and_the_variable()
    {
        var error = await StartFailureAsync(new() { ["Slack:SigningSecret"] = "" });

        Assert.That(error.Message, Does.Contain("Slack:SigningSecret").And.Contain("Slack__SigningSecret"));
    }

    [Test]
    public async Task An_unsupported_storage_provider_fails_start_naming_the_key_and_the_allowed_values()
    {
        var error = await StartFailureAsync(new() { ["Storage:Provider"] = "oracle" });

        Assert.That(error.Message, Does.Contain("Storage:Provider 'oracle'").And.Contain("'Sqlite'").And.Contain("'Postgres'"));
    }

    [Test]
    public async Task An_unsupported_storage_provider_prints_one_line_and_exits_2()
    {
        var (code, stderr) = await RunAsync("serve", "--environment", "Production", "--urls", "http://127.0.0.1:0",
            "--Slack:SigningSecret", "s", "--Storage:Provider", "mongo", "--Storage:ConnectionString", TempDatabase());

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr.Trim(), Does.StartWith("AsyncCoach cannot start: Storage:Provider 'mongo'"));
        Assert.That(stderr.Trim().Split('\n'), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task Postgres_with_a_SQLite_connection_string_fails_start_naming_the_key_with_an_example()
    {
        var error = await StartFailureAsync(new() { ["Storage:Provider"] = "Postgres" });

        Assert.That(error.Message, Does.Contain("Storage:ConnectionString").And.Contain("e.g. 'Host="));
    }

    [TestCase("sqlite")]
    [TestCase("SQLite")]
    [TestCase("")]
    public async Task Sqlite_is_the_storage_provider_in_any_case_and_when_unset(string provider)
    {
        await using var factory = new AsyncCoachFactory().With("Storage:Provider", provider);
        using var client = factory.CreateClient();

        var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.That((int)ready.StatusCode, Is.EqualTo(200), await ready.Content.ReadAsStringAsync());
        Assert.That(factory.Services.GetRequiredService<AsyncCoach.Storage.IStorage>().LocalFilePath, Is.EqualTo(factory.DatabasePath));
        factory.DeleteDatabase();
    }

    [Test]
    public async Task A_relative_api_base_url_fails_start_naming_the_key()
    {
        var error = await StartFailureAsync(new() { ["Slack:ApiBaseUrl"] = "/api" });

        Assert.That(error.Message, Does.Contain("Slack:ApiBaseUrl"));
    }

    [TestCase("Inbox:KeepProcessedFor", "00:05:00", "Inbox__KeepProcessedFor")]
    [TestCase("Inbox:KeepFailedFor", "00:00:00", "Inbox__KeepFailedFor")]
    [TestCase("Inbox:BatchSize", "0", "Inbox__BatchSize")]
    [TestCase("Inbox:PollInterval", "00:00:00", "Inbox__PollInterval")]
    [TestCase("Inbox:CoalesceWindow", "-00:00:01", "Inbox__CoalesceWindow")]
    [TestCase("Inbox:ProcessorNice", "-1", "Inbox__ProcessorNice")]
    [TestCase("Inbox:ProcessorNice", "20", "Inbox__ProcessorNice")]
    public async Task An_inbox_setting_that_cannot_work_fails_start_naming_the_key(string key, string value, string variable)
    {
        var error = await StartFailureAsync(new() { [key] = value });

        Assert.That(error.Message, Does.Contain(key).And.Contain(variable));
    }

    [TestCase("Retention:DataDays", "-1", "Retention__DataDays")]
    [TestCase("Retention:DataDays", "6", "Retention__DataDays")]
    [TestCase("Retention:CounterDays", "0", "Retention__CounterDays")]
    [TestCase("Retention:UninstalledTeamDays", "-1", "Retention__UninstalledTeamDays")]
    [TestCase("Retention:DryRunCallDays", "-7", "Retention__DryRunCallDays")]
    [TestCase("Retention:Interval", "00:00:00", "Retention__Interval")]
    public async Task A_retention_setting_that_would_delete_what_must_be_kept_fails_start_naming_the_key(string key, string value, string variable)
    {
        var error = await StartFailureAsync(new() { [key] = value });

        Assert.That(error.Message, Does.Contain(key).And.Contain(variable));
    }

    [Test]
    public async Task Serve_without_a_signing_secret_prints_one_line_and_exits_2()
    {
        var (code, stderr) = await RunAsync("serve", "--environment", "Production", "--urls", "http://127.0.0.1:0",
            "--Storage:ConnectionString", TempDatabase());

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr.Trim(), Does.StartWith("AsyncCoach cannot start: Slack:SigningSecret is not set"));
        Assert.That(stderr.Trim().Split('\n'), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task An_unknown_log_format_prints_the_key_and_the_choices_and_exits_2()
    {
        var (code, stderr) = await RunAsync("serve", "--environment", "Production", "--urls", "http://127.0.0.1:0",
            "--Slack:SigningSecret", "s", "--Logging:Format", "xml", "--Storage:ConnectionString", TempDatabase());

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr.Trim(), Is.EqualTo("AsyncCoach cannot start: Logging:Format must be text or json, not 'xml' (e.g. Logging__Format=json)."));
    }

    [Test]
    public async Task A_bad_storage_synchronous_value_prints_the_key_and_exits_2()
    {
        var (code, stderr) = await RunAsync("serve", "--environment", "Production", "--urls", "http://127.0.0.1:0",
            "--Slack:SigningSecret", "s", "--Storage:Synchronous", "Sometimes", "--Storage:ConnectionString", TempDatabase());

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("Storage:Synchronous"));
    }

    [TestCase("Normal", 1L)]
    [TestCase("Full", 2L)]
    public async Task Storage_synchronous_and_secure_delete_hold_on_every_connection_including_pooled_ones(string setting, long expected)
    {
        await using var factory = new AsyncCoachFactory().With("Storage:Synchronous", setting);
        factory.StartServer();
        var database = factory.Services.GetRequiredService<AsyncCoach.Storage.Sqlite.SqliteDatabase>();

        // Opened and closed in turn, so later opens get the pool's configured handle back.
        for (var i = 0; i < 3; i++)
        {
            await using var connection = await database.OpenAsync(CancellationToken.None);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous";
            Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo(expected));
            command.CommandText = "PRAGMA secure_delete";
            Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo(1L));
        }

        factory.DeleteDatabase();
    }

    [Test]
    public async Task A_port_already_in_use_prints_one_line_and_exits_2()
    {
        using var occupied = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        occupied.Start();
        var port = ((System.Net.IPEndPoint)occupied.LocalEndpoint).Port;

        var (code, stderr) = await RunAsync("serve", "--environment", "Production", "--urls", $"http://127.0.0.1:{port}",
            "--Slack:SigningSecret", "s", "--Storage:ConnectionString", TempDatabase());

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("address already in use").And.Contain("--urls"));
        Assert.That(stderr, Does.Not.Contain("   at "));
    }

    [Test]
    public async Task An_unknown_verb_exits_2()
    {
        var (code, stderr) = await RunAsync("frobnicate");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("unknown command 'frobnicate'"));
    }
}
