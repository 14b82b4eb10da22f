using AsyncCoach.Core.Model;
using AsyncCoach.Core.Text;

namespace AsyncCoach.Core.Tests.Text;

public sealed class MessageTextTests
{
    private static IEnumerable<TestCaseData> Normalisations()
    {
        (string Raw, string Normalised, string Name)[] cases =
        [
            ("Hi <@U06NU4E26M9>!", " hi ", "Removes_a_user_mention_and_punctuation"),
            ("<!here> <!channel> <!everyone> ok", " ok ", "Removes_broadcasts"),
            ("<!subteam^S123|@devs> please", " please ", "Removes_a_user_group_mention"),
            ("see <https://example.com/a?b=1|the doc> now", " see now ", "Removes_a_link_with_its_label"),
            ("in <#C06P6T3QGD7|general>", " in ", "Removes_a_channel_link"),
            ("merged :tada: :+1::skin-tone-2:", " merged ", "Removes_emoji_codes"),
            ("R&amp;D &lt;3 &gt; QA", " r d 3 qa ", "Unescapes_entities_as_word_breaks"),
            ("What's UP?!", " whats up ", "Lower_cases_and_joins_contractions"),
            ("don\u2019t", " dont ", "Joins_typographic_apostrophes"),
            ("at 15:00 today", " at 15 00 today ", "Keeps_clock_digits_but_not_the_colon"),
            ("quick question: what is it", " quick question what is it ", "A_colon_followed_by_a_space_is_not_an_emoji"),
            ("", " ", "Empty_text_is_a_single_space"),
            ("Grüße, José", " gruße jose ", "Keeps_non_ascii_letters_and_drops_their_accents"),
            ("hola, ¿estás? e aí", " hola estas e ai ", "Accents_are_dropped_so_lists_match_either_spelling"),
            ("a < b and c > d", " a b and c d ", "A_lone_angle_bracket_is_punctuation"),
        ];
        return cases.Select(c => new TestCaseData(c.Raw).Returns(c.Normalised).SetName(c.Name));
    }

    [TestCaseSource(nameof(Normalisations))]
    public string Normalises(string raw) => MessageText.Normalize(raw);

    [Test]
    public void The_span_overload_reports_what_it_removed()
    {
        var buffer = new char[64];

        MessageText.Normalize("<@U1> see <https://x.io|x> :wave:", buffer, out var features);

        Assert.That(features, Is.EqualTo(TextFeatures.UserMention | TextFeatures.Link | TextFeatures.Emoji));
    }

    [Test]
    public void Parses_user_mentions_in_order_without_duplicates()
    {
        var mentions = MessageText.ParseMentions("<@U2> and <@U3|ana> and <@U2> again");

        Assert.That(mentions.Users, Is.EqualTo(new[] { new UserId("U2"), new UserId("U3") }));
        Assert.That(mentions.AnyBroadcast, Is.False);
    }

    [TestCase("<!here> hi", true, false, false)]
    [TestCase("<!channel>", false, true, false)]
    [TestCase("<!everyone|everyone> hi", false, false, true)]
    [TestCase("here channel everyone @here", false, false, false)]
    public void Parses_broadcasts(string text, bool here, bool channel, bool everyone)
    {
        var mentions = MessageText.ParseMentions(text);

        Assert.That((mentions.Here, mentions.Channel, mentions.Everyone), Is.EqualTo((here, channel, everyone)));
    }

    [Test]
    public void Text_without_mentions_shares_the_empty_result()
    {
        Assert.That(MessageText.ParseMentions("plain text"), Is.SameAs(Mentions.None));
    }

    [TestCase("URGENT: the VPN is down", true)]
    [TestCase("<@U1> <!here> urgent - need eyes", true)]
    [TestCase("urgently need a hand", false)]
    [TestCase("this is URGENT", false)]
    public void Recognises_a_leading_marker_word_after_mentions(string text, bool expected)
    {
        Assert.That(MessageText.StartsWithWord(text, "URGENT"), Is.EqualTo(expected));
    }
}
