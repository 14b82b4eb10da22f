using AsyncCoach.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Moq;

namespace AsyncCoach.Tests.Commands;

/// <summary>
/// The warm-up runs on a thread of its own, where an exception would end the process. A test host
/// that stopped just after the warm-up's timer fired did exactly that once (the test run aborted).
/// </summary>
public sealed class ClassifierWarmupTests
{
    [Test]
    public void A_warm_up_that_starts_after_the_host_stopped_does_nothing()
    {
        var services = new ServiceCollection().BuildServiceProvider();
        services.Dispose();
        var logger = new FakeLogger<ClassifierWarmup>();
        var warmup = new ClassifierWarmup(services, TimeProvider.System, Mock.Of<IHostApplicationLifetime>(), logger);

        Assert.DoesNotThrow(warmup.WarmUp);
        Assert.That(logger.Collector.Count, Is.Zero);
    }

    [Test]
    public void A_warm_up_that_fails_is_logged_and_does_not_throw()
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        var logger = new FakeLogger<ClassifierWarmup>();
        var warmup = new ClassifierWarmup(services, TimeProvider.System, Mock.Of<IHostApplicationLifetime>(), logger);

        Assert.DoesNotThrow(warmup.WarmUp);
        Assert.That(logger.LatestRecord.Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(logger.LatestRecord.Exception, Is.InstanceOf<InvalidOperationException>());
    }
}
