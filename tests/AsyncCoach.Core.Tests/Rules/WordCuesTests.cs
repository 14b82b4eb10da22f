using AsyncCoach.Core.Evaluation;
using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>
/// The cue gate in front of every word grammar (docs/rules.md, "How a message is judged", cost): a grammar
/// is not consulted for a message that holds none of its cue words, and the gate never changes a match.
/// </summary>
public sealed class WordCuesTests
{
    // The benchmark's nothing-fires messages (bench/AsyncCoach.Benchmarks RuleEngineBenchmarks.Quiet, a sample).
    private static readonly string[] Quiet =
    [
        "deploy of api-gateway 2.14 finished, dashboards look fine",
        "thanks, that fixed it!",
        "I pushed the fix for the flaky checkout test, can you review PR 4211 when you have a moment?",
        "the retro notes are in the wiki under Team/2026",
        "+1, let's go with option B",
        "can someone with prod access check why the nightly job took 3h instead of 40 min? no rush, before Friday is fine",
        "FYI the staging DB will be read-only from 14:00 to 14:30 UTC for the migration",
        "I disagree with the naming, but happy to go with the majority",
        "the build is green again after reverting the dependency bump",
        "quick question: where do we keep the Terraform state for the eu cluster?",
        "Here's the summary of yesterday's discussion: we keep Postgres, add a read replica, revisit in Q3.",
        "I'll be out tomorrow afternoon, Sam is covering on-call",
    ];

    private static readonly WordGrammar FindTime = new("lets|let|can|could we find|grab|take|book a|#num? minutes|mins|minute");

    [Test]
    public void A_grammar_is_not_consulted_for_a_message_without_its_cue_words()
    {
        var consulted = new List<(string Text, bool Consulted, int Match)>();
        var probe = new Probe((in RuleContext context) =>
        {
            var match = 0;
            for (var i = 0; i < context.Words.Length; i++)
            {
                match = Math.Max(match, FindTime.MatchUngated(context, i));
            }

            consulted.Add((context.Message.Text, FindTime.Consulted(context), match));
        });
        var engine = new RuleEngine(PhraseBook.Default, [probe]);

        foreach (var text in (string[])["can we find a fix for the flaky test?", "can we find 15 minutes to go over the rota", "could we grab a minute", .. Quiet])
        {
            engine.Evaluate(Message(text), Context());
        }

        Assert.Multiple(() =>
        {
            Assert.That(FindTime.CueWords, Is.EquivalentTo(new[] { "minutes", "mins", "minute" }), "the required slot with no common word is the cue");
            Assert.That(consulted.Where(c => c.Consulted).Select(c => c.Text), Is.EqualTo(new[] { "can we find 15 minutes to go over the rota", "could we grab a minute" }));
            Assert.That(consulted.Where(c => c.Match > 0).Select(c => c.Text), Is.EqualTo(new[] { "can we find 15 minutes to go over the rota", "could we grab a minute" }));
        });
    }

    [Test]
    public void Most_grammars_are_not_consulted_on_a_message_that_asks_nothing_of_them()
    {
        // Counted, not timed: of the gated grammars (every grammar of the engine, the call grammar's
        // meetings, visits and failures among them), how many the benchmark's quiet messages open.
        var opened = 0;
        var gated = 0;
        var probe = new Probe((in RuleContext context) =>
        {
            foreach (var grammar in WordGrammar.All)
            {
                if (grammar.Cue != 0)
                {
                    gated++;
                    opened += grammar.Consulted(context) ? 1 : 0;
                }
            }
        });
        var engine = new RuleEngine(PhraseBook.Default, [.. RuleEngine.DefaultRules(), probe]);

        foreach (var text in Quiet)
        {
            engine.Evaluate(Message(text), Context());
        }

        TestContext.Out.WriteLine($"{opened} of {gated} gated grammar consultations opened");
        Assert.That(gated, Is.GreaterThan(Quiet.Length * 10), "the engine's grammars register their cues");
        Assert.That(opened, Is.LessThan(gated / 4), $"{opened} of {gated} grammar consultations opened on messages that ask nothing of the grammars");
    }

    [Test]
    public void The_gate_changes_no_match_on_any_dev_or_corpus_message()
    {
        var engine = RuleEngine.CreateDefault();
        var differences = new List<string>();
        var skipped = 0L;
        var probe = new Probe((in RuleContext context) =>
        {
            foreach (var grammar in WordGrammar.All)
            {
                skipped += grammar.Consulted(context) ? 0 : 1;
                for (var i = 0; i < context.Words.Length; i++)
                {
                    if (grammar.Match(context, i) != grammar.MatchUngated(context, i))
                    {
                        differences.Add($"{context.Message.Ts} word {i}: {string.Join('|', grammar.CueWords)}");
                    }
                }
            }
        });
        var probed = new RuleEngine(PhraseBook.Default, [.. engine.Rules, probe]);

        foreach (var source in DevAndCorpusSources)
        {
            foreach (var conversation in LabelledConversation.Load(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", source)))
            {
                foreach (var message in conversation.Messages.Where(m => !m.FromBot))
                {
                    probed.Evaluate(message.Message, conversation.Context);
                }
            }
        }

        Assert.That(differences, Is.Empty);
        Assert.That(skipped, Is.GreaterThan(0), "some grammar was skipped, so the comparison compared something");
    }
}
