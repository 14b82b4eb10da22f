using System.Reflection;
using AsyncCoach.Slack;
using Microsoft.Extensions.Logging;

namespace AsyncCoach.Tests.Hosting;

/// <summary>
/// An operator filters and alerts on a log event's id, so every log event of the service has an id
/// of its own: two events sharing one would be indistinguishable in a log query.
/// </summary>
public sealed class LogEventIdTests
{
    private static readonly Assembly[] Assemblies =
        [typeof(Program).Assembly, typeof(SlackOptions).Assembly, typeof(AsyncCoach.Core.Rules.RuleIds).Assembly];

    [Test]
    public void Every_log_event_has_an_id_of_its_own()
    {
        var events = Events().ToList();

        var shared = events.GroupBy(e => e.Id)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.Where))}")
            .ToList();

        Assert.That(events, Has.Count.GreaterThan(50), "the scan found the service's log events");
        Assert.That(shared, Is.Empty);
    }

    [Test]
    public void Every_log_event_has_an_id()
    {
        Assert.That(Events().Where(e => e.Id <= 0).Select(e => e.Where), Is.Empty);
    }

    private static IEnumerable<(int Id, string Where)> Events() =>
        from assembly in Assemblies
        from type in assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
        let attribute = method.GetCustomAttribute<LoggerMessageAttribute>()
        where attribute is not null
        select (attribute.EventId, $"{type.FullName}.{method.Name}");
}
