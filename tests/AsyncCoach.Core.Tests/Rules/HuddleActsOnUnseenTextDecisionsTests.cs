using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>
/// docs/rules.md "Decided", huddle pass <c>huddle21</c> (issue #20): what a message does about a live call, from
/// devset9's dev misses, each with the counter-case it must not take. Not a proposal: a call offered on a
/// condition of events, a call reported by a past time after it or a past verb before its whole noun phrase, a
/// hazard in progress, a visit for an errand, syncing things. A proposal: coming to "the" place with a joint
/// purpose, a room taken for one, a joint purpose of deciding ("and agree the plan"), joining "a" room, asking
/// to be pulled into a call, a medium judged easier than writing, "bridge?", gathering round a whiteboard.
/// Paraphrases written for this file, none a devset line.
/// </summary>
public sealed class HuddleActsOnUnseenTextDecisionsTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();
    private static readonly RuleEngine GrammarOnly = new(PhraseBook.Default, [new HuddleInsteadOfThreadRule(null)]);

    [TestCase("ring me if the courier hasn't shown up by noon")]
    [TestCase("give me a call in case the inspector asks for the logbook")]
    [TestCase("if the tank pressure drops below 2 bar, phone me")]
    [TestCase("we had a 20 min zoom yesterday that settled the pricing")]
    [TestCase("the call earlier sorted out the shift swap, thanks all")]
    [TestCase("we got on a quick video call with the landlord, the lease is signed")]
    [TestCase("the scaffold tower is buckling on the east side, ring me now")]
    [TestCase("swing by my desk and grab the spare badge for the contractor")]
    [TestCase("pop over to the store room and pick up the spare cables for the rack")]
    [TestCase("let's sync the staging database after the migration")]
    [TestCase("can we sync up the two calendars before the rota goes out")]
    [TestCase("let's come to the point, we can argue about the colour later")]
    public void These_are_not_a_proposal(string text)
    {
        Assert.That(RulesOn(GrammarOnly, text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread), "the grammar alone");
        Assert.That(RulesOn(Engine, text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread), "with the model");
    }

    [TestCase("ring me if you get a sec, it's about the boiler quote")]
    [TestCase("can we hop on a quick call earlier tomorrow about the tender?")]
    [TestCase("swing by my desk about the new seating plan")]
    [TestCase("let's sync tomorrow on the launch checklist")]
    [TestCase("could you come to the studio after lunch and we'll go through the storyboard together")]
    [TestCase("let's book the small meeting room at 3 and go through the quarterly numbers together")]
    [TestCase("let's all meet at the yard after the break and agree the loading order")]
    [TestCase("let's hop into a Teams room with finance and hash out the budget lines")]
    [TestCase("pull me into a zoom with the supplier when they're on, I want to push back on the price")]
    [TestCase("honestly a short call would be quicker than this thread, re the vendor contract")]
    [TestCase("bridge?")]
    [TestCase("let's get round the whiteboard at 11 and talk through the stand layout")]
    public void The_grammar_reads_these_as_a_proposal_of_a_live_call(string text)
    {
        Assert.That(RulesOn(GrammarOnly, text), Does.Contain(RuleIds.HuddleInsteadOfThread), "the grammar alone");
        Assert.That(RulesOn(Engine, text), Does.Contain(RuleIds.HuddleInsteadOfThread), "with the model");
    }

    // The grammar keeps it (a condition of the reader's time); the shipped model overrules it (score at or below -2): a
    // known miss of the model, left as measured rather than fitted (docs/rules.md, huddle21).
    [TestCase("can you call me if you're free? re the invoice batch")]
    [TestCase("phone me if you have a minute, it's about the stock count")]
    public void A_condition_of_the_readers_time_still_proposes_in_the_grammar(string text)
    {
        Assert.That(RulesOn(GrammarOnly, text), Does.Contain(RuleIds.HuddleInsteadOfThread));
    }

    [TestCase("we need a whiteboard session to map out the options, quick call?")]
    [TestCase("let's whiteboard the options together on a call")]
    public void A_whiteboard_session_is_still_a_brainstorm(string text)
    {
        Assert.That(RulesOn(Engine, text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));
    }

    [Test]
    public void A_model_trained_with_the_clause_acts_names_them_and_the_shipped_model_leaves_them_out()
    {
        HuddleExample[] examples =
        [
            new(Message("can we hop on a call about the migration plan?"), Context(), true),
            new(Message("could we jump on a zoom about the invoice batch?"), Context(), true),
            new(Message("we had a call with the vendor, rates are agreed"), Context(), false),
            new(Message("the call notes are in the doc"), Context(), false),
        ];
        var model = HuddleModelTrainer.Train(examples, featureSet: HuddleModelTrainer.DefaultFeatures | HuddleFeatureSet.Acts);

        Assert.That(HuddleModelTrainer.Explain(model, Message("can we hop on a call about the rota?"), Context(), top: 50),
            Does.Contain("a call word's clause opens a proposal"));
        Assert.That(HuddleModel.Default.FeatureSet.HasFlag(HuddleFeatureSet.Acts), Is.False, "no held-out gain (docs/rules.md, huddle21)");
    }

    private static IReadOnlyList<string> RulesOn(RuleEngine engine, string text) =>
        engine.Evaluate(Message(text), Context()).Select(f => f.RuleId).ToList();
}
