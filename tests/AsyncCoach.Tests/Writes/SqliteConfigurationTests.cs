using AsyncCoach.Storage;
using AsyncCoach.Storage.Sqlite;

namespace AsyncCoach.Tests.Writes;

public sealed class SqliteConfigurationTests
{
    private readonly SqliteOptionsValidator _sqlite = new();

    [TestCase("00:00:00")]
    [TestCase("00:00:00.050")]
    [TestCase("00:05:00")]
    public void A_checkpoint_interval_outside_its_range_names_the_key_and_gives_an_example(string interval)
    {
        var result = _sqlite.Validate(null, new StorageOptions { CheckpointInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("Storage:CheckpointInterval").And.Contain("Storage__CheckpointInterval=00:00:01"));
    }

    [Test]
    public void The_default_settings_are_valid() =>
        Assert.That(_sqlite.Validate(null, new StorageOptions()).Succeeded, Is.True);
}
