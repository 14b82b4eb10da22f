using AsyncCoach.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace AsyncCoach.Tests.Hosting;

/// <summary><c>Shutdown:Timeout</c>: the host's shutdown timeout, checked at start.</summary>
public sealed class ShutdownOptionsTests
{
    private static TimeSpan HostTimeout(string? value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Shutdown:Timeout"] = value })
            .Build();
        var host = new HostOptions();
        ShutdownOptionsValidator.ApplyTo(host, configuration);
        return host.ShutdownTimeout;
    }

    [Test]
    public void The_host_waits_as_long_as_Shutdown_Timeout_says_25_seconds_by_default()
    {
        Assert.That(HostTimeout(null), Is.EqualTo(TimeSpan.FromSeconds(25)));
        Assert.That(HostTimeout("00:01:00"), Is.EqualTo(TimeSpan.FromMinutes(1)));
    }

    [TestCase("00:00:00")]
    [TestCase("00:10:01")]
    public void A_timeout_that_cannot_work_fails_start_naming_the_key_and_the_variable(string value)
    {
        var result = new ShutdownOptionsValidator().Validate(null, new ShutdownOptions { Timeout = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("Shutdown:Timeout").And.Contain("Shutdown__Timeout"));
        Assert.That(HostTimeout(value), Is.EqualTo(TimeSpan.FromSeconds(25)), "the host keeps the default; start-up stops on the validation");
    }

    [Test]
    public void A_timeout_that_is_not_a_timespan_leaves_the_default_to_the_start_up_check()
    {
        Assert.That(HostTimeout("soon"), Is.EqualTo(TimeSpan.FromSeconds(30)), "HostOptions' own default, untouched");
    }
}
