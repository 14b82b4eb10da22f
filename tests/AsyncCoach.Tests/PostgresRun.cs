using AsyncCoach.Tests.Infrastructure;

namespace AsyncCoach.Tests;

/// <summary>Stops the run's PostgreSQL server, if a test started one, when every test has run.</summary>
[SetUpFixture]
public sealed class PostgresRun
{
    [OneTimeTearDown]
    public void StopServer() => PostgresServer.StopIfStarted();
}
