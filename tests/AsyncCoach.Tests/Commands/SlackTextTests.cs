using AsyncCoach.Commands;

namespace AsyncCoach.Tests.Commands;

public sealed class SlackTextTests
{
    [TestCase("review <@U123|ana>'s PR", "review @ana's PR")]
    [TestCase("ping <@U123>", "ping @U123")]
    [TestCase("post in <#C42|general>", "post in #general")]
    [TestCase("see <https://example.com/doc|the doc> and <https://example.com>", "see the doc and https://example.com")]
    [TestCase("<!here> 1 &lt; 2 &amp;&amp; 3 &gt; 2", "@here 1 < 2 && 3 > 2")]
    public void Plain_turns_escaped_command_text_back_into_what_was_typed(string escaped, string plain) =>
        Assert.That(SlackText.Plain(escaped), Is.EqualTo(plain));

    [TestCase("<@U0123ABC|ana>", "U0123ABC")]
    [TestCase("<@W0123ABC>", "W0123ABC")]
    [TestCase("U0123ABC", "U0123ABC")]
    [TestCase("@ana", null)]
    [TestCase("<#C0123|general>", null)]
    [TestCase("u0123abc", null)]
    public void UserId_reads_only_resolvable_people(string token, string? id) =>
        Assert.That(SlackText.UserId(token), Is.EqualTo(id));

    [TestCase("<#C0123ABC|general>", "C0123ABC")]
    [TestCase("<#G0123ABC>", "G0123ABC")]
    [TestCase("#general", null)]
    [TestCase("C0123ABC", null)]
    public void ChannelId_reads_only_channel_links(string token, string? id) =>
        Assert.That(SlackText.ChannelId(token), Is.EqualTo(id));

    [Test]
    public void Escape_keeps_user_text_from_becoming_a_mention() =>
        Assert.That(SlackText.Escape("<!channel> & <@U1>"), Is.EqualTo("&lt;!channel&gt; &amp; &lt;@U1&gt;"));
}
