namespace AsyncCoach.Slack.Tests;

public sealed class SmokeTests
{
    [Test]
    public void Builds() => Assert.That(1 + 1, Is.EqualTo(2));
}
