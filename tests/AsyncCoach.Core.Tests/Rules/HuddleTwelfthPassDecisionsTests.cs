using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>
/// docs/rules.md "Decided", huddle pass <c>huddle22</c> (issue #20): what a message does about a live call, read from
/// devset10's unseen dev misses by what is shared across languages. A proposal: a live medium (a tool's name, an
/// international form of telephone or video call) asked about in a clause with no English function word; sitting
/// together after an opener that proposes; connecting for a span of time; going over or walking through something on
/// "a" call. Not a proposal: a medium naming a thing, an English question about a call (the rest of the grammar reads
/// English), sitting together described, connecting things, going over something on "the" call already booked. A
/// bereavement is a reason. Paraphrases written for this file, none a devset line.
/// </summary>
public sealed class HuddleTwelfthPassDecisionsTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();
    private static readonly RuleEngine GrammarOnly = new(PhraseBook.Default, [new HuddleInsteadOfThreadRule(null)]);

    [TestCase("gal galim trumpai paskambinti per teams dėl sąskaitų?")]
    [TestCase("flasim me telefon për faturën e dhjetorit?")]
    [TestCase("se slišiva po telefonu glede dobavnice?")]
    [TestCase("trumpas zoom skambutis dėl naujų kainų?")]
    [TestCase("let us all sit together in the lab after lunch and go through the audit findings")]
    [TestCase("shall we sit together tomorrow and agree the holiday rota?")]
    [TestCase("can we connect for 15 mins on the shipping delays?")]
    [TestCase("let's walk through the floor plan on a call at 4")]
    [TestCase("are you around to go over the supplier scorecard on a call this afternoon?")]
    public void The_grammar_reads_these_as_a_proposal_of_a_live_call(string text)
    {
        Assert.That(RulesOn(GrammarOnly, text), Does.Contain(RuleIds.HuddleInsteadOfThread), "the grammar alone");
        Assert.That(RulesOn(Engine, text), Does.Contain(RuleIds.HuddleInsteadOfThread), "with the model");
    }

    [TestCase("phone number for the courier?")]
    [TestCase("telefon numarası?")]
    [TestCase("is the zoom link in the invite?")]
    [TestCase("did the call with the landlord happen?")]
    [TestCase("the new video uploaded?")]
    [TestCase("we sit together in the open-plan area, so just write here")]
    [TestCase("can we connect for the data feed to the warehouse system?")]
    [TestCase("we'll go over the figures on the call tomorrow")]
    [TestCase("Tomas's mother passed away last night. can we have a quick call about covering his shifts this week?")]
    [TestCase("on bereavement leave till Monday, can we do a short call about the handover?")]
    public void These_are_not_a_proposal(string text)
    {
        Assert.That(RulesOn(GrammarOnly, text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread), "the grammar alone");
        Assert.That(RulesOn(Engine, text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread), "with the model");
    }

    // A medium asked about in another language is the grammar's proposal, so the language files' vetoes still apply:
    // a call declined (a negator of any file before it) or reported in a language that has a file does not fire.
    [TestCase("pas besoin de Teams pour ça ?")]
    [TestCase("oggi niente call, va bene?")]
    [TestCase("ayer hablamos por teléfono con el proveedor, ¿lo viste?")]
    public void A_file_languages_vetoes_still_hold_over_a_medium_asked_about(string text)
    {
        Assert.That(RulesOn(Engine, text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));
    }

    private static IReadOnlyList<string> RulesOn(RuleEngine engine, string text) =>
        engine.Evaluate(Message(text), Context()).Select(f => f.RuleId).ToList();
}
