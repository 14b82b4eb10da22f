using AsyncCoach.Hosting;
using Microsoft.Extensions.Configuration;

namespace AsyncCoach.Tests.Hosting;

/// <summary>Secrets from files named like the environment variables (systemd credentials, Docker secrets).</summary>
public sealed class SecretFilesTests
{
    private string _credentials = null!;
    private string _docker = null!;

    [SetUp]
    public void SetUp()
    {
        _credentials = TestFiles.NewDatabase("credentials") + ".d";
        _docker = TestFiles.NewDatabase("secrets") + ".d";
        Directory.CreateDirectory(_credentials);
        Directory.CreateDirectory(_docker);
    }

    [TearDown]
    public void TearDown()
    {
        Directory.Delete(_credentials, recursive: true);
        Directory.Delete(_docker, recursive: true);
    }

    private IConfiguration Build(string? credentialsDirectory, Dictionary<string, string?>? environment = null) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(environment ?? [])
            .AddSecretFiles(name => name == "CREDENTIALS_DIRECTORY" ? credentialsDirectory : null, _docker)
            .Build();

    [Test]
    public void A_systemd_credential_and_a_docker_secret_become_settings_and_win_over_the_environment()
    {
        File.WriteAllText(Path.Combine(_credentials, "Slack__SigningSecret"), "from-systemd\n");
        File.WriteAllText(Path.Combine(_docker, "Slack__BotToken"), "xoxb-from-docker");

        var configuration = Build(_credentials, new() { ["Slack:SigningSecret"] = "from-env" });

        Assert.That(configuration["Slack:SigningSecret"], Is.EqualTo("from-systemd"));
        Assert.That(configuration["Slack:BotToken"], Is.EqualTo("xoxb-from-docker"));
    }

    [Test]
    public void No_folders_leave_the_settings_as_they_were()
    {
        Directory.Delete(_docker);
        var configuration = Build(credentialsDirectory: null, new() { ["Slack:SigningSecret"] = "from-env" });
        Directory.CreateDirectory(_docker);

        Assert.That(configuration["Slack:SigningSecret"], Is.EqualTo("from-env"));
        Assert.That(configuration["Slack:BotToken"], Is.Null);
    }
}
