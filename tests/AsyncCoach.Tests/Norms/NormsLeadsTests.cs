using AsyncCoach.Norms;

namespace AsyncCoach.Tests.Norms;

public sealed class NormsLeadsTests
{
    [Test]
    public void Leads_are_Slack_user_ids_and_default_to_none()
    {
        Assert.That(NormsJson.Parse("{}").Leads, Is.Empty);
        Assert.That(NormsJson.Parse("""{"leads": ["U0LEAD1", "W0LEAD2"]}""").Leads, Is.EquivalentTo(new[] { "U0LEAD1", "W0LEAD2" }));
    }

    [TestCase("""{"leads": ["ana"]}""", "\"ana\" is not a Slack user id")]
    [TestCase("""{"leads": ["<@U0LEAD1>"]}""", "\"<@U0LEAD1>\" is not a Slack user id")]
    [TestCase("""{"leads": ["C0CHANNEL"]}""", "\"C0CHANNEL\" is not a Slack user id")]
    [TestCase("""{"leads": "U0LEAD1"}""", "expected an array of strings")]
    public void Anything_but_user_ids_is_refused_naming_the_key(string json, string reason)
    {
        var error = Assert.Throws<NormsFormatException>(() => NormsJson.Parse(json))!;

        Assert.That(error.Message, Does.Contain("key \"leads\"").And.Contain(reason));
    }
}
