using AsyncCoach.Core.Evaluation;
using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>
/// The phrase book's pairs index (docs/rules.md, "How a message is judged", cost): a message word pays for
/// the phrases that start with it and go on with the next word, not for every phrase that starts with it,
/// and the matches are the ones a scan of every phrase starting with the word finds, in the same order.
/// </summary>
public sealed class PhrasePairsTests
{
    [Test]
    public void The_index_finds_what_a_scan_of_every_phrase_finds_on_every_dev_and_corpus_message()
    {
        var book = PhraseBook.Default;
        var differences = new List<string>();
        long compared = 0, scanned = 0, messages = 0;
        var probe = new Probe((in RuleContext context) =>
        {
            var found = new PhraseMatch[512];
            var count = book.Match(context.Text, context.Words, found, out var mask, out var pairs);
            var expected = Scan(book, context.Text, context.Words, out var scans);
            compared += pairs;
            scanned += scans;
            messages++;
            if (!found.AsSpan(0, count).SequenceEqual(expected.ToArray()) || mask != expected.Aggregate(0, (m, x) => m | (1 << x.List)))
            {
                differences.Add(context.Message.Text);
            }
        });
        var engine = new RuleEngine(book, [probe]);

        foreach (var source in DevAndCorpusSources)
        {
            foreach (var conversation in LabelledConversation.Load(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", source)))
            {
                foreach (var message in conversation.Messages.Where(m => !m.FromBot))
                {
                    engine.Evaluate(message.Message, conversation.Context);
                }
            }
        }

        TestContext.Out.WriteLine($"{messages} messages: {compared} phrases compared with the pairs index, {scanned} by a scan of each first word's phrases");
        Assert.Multiple(() =>
        {
            Assert.That(messages, Is.GreaterThan(4000));
            Assert.That(differences, Is.Empty);
            Assert.That(compared, Is.LessThan(scanned / 3), "a word pays for the phrases that go on with the next word");
        });
    }

    [TestCase("hop on a call", "hop on a call")]
    [TestCase("hopp onnn a call", "hop on a call")]
    [TestCase("hiii", "hi")]
    [TestCase("heyyy got a minuteee?", "hey|got a minute")]
    [TestCase("sooo hop on a quickkk call?", "so|quick call")]
    public void A_stretched_word_still_matches_at_any_place_of_a_phrase(string text, string expected)
    {
        var found = new List<string>();
        var probe = new Probe((in RuleContext context) =>
        {
            foreach (var match in context.Matches)
            {
                found.Add(context.Phrases.PhraseText(match.PhraseId));
            }
        });

        new RuleEngine(PhraseBook.Default, [probe]).Evaluate(Message(text), Context());

        Assert.That(found, Is.SupersetOf(expected.Split('|')));
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PhraseBook, Dictionary<string, List<Phrase>>> ByFirst = [];

    // The matching the book did before the pairs index: every phrase that starts with the word (or its
    // unstretched form when the word starts none), longest first, each compared word by word.
    private static List<PhraseMatch> Scan(PhraseBook book, ReadOnlySpan<char> text, ReadOnlySpan<Word> words, out int scanned)
    {
        scanned = 0;
        var byFirst = ByFirst.GetValue(book, b => b.Phrases.GroupBy(p => p.Words[0]).ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Words.Length).ToList(), StringComparer.Ordinal));
        var matches = new List<PhraseMatch>();
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i].Of(text).ToString();
            if (!byFirst.TryGetValue(word, out var bucket) && !byFirst.TryGetValue(Unstretched(word), out bucket))
            {
                continue;
            }

            foreach (var phrase in bucket)
            {
                scanned++;
                var k = 1;
                while (k < phrase.Words.Length && i + k < words.Length && WordMatches(words[i + k].Of(text).ToString(), phrase.Words[k]))
                {
                    k++;
                }

                if (k == phrase.Words.Length)
                {
                    matches.Add(new PhraseMatch(phrase.Id, phrase.List, i, phrase.Words.Length));
                }
            }
        }

        return matches;
    }

    private static bool WordMatches(string word, string expected) => word == expected || (word.Length > expected.Length && Unstretched(word) == expected);

    private static string Unstretched(string word)
    {
        var end = word.Length;
        while (end > 1 && word[end - 1] == word[end - 2])
        {
            end--;
        }

        return word[..end];
    }
}
