using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>
/// docs/rules.md "Decided", huddle pass <c>huddle23</c> (issue #20): what a message does about a live meeting, read from
/// devset11's unseen dev misses by what languages share. A proposal: working something through together (a word for
/// "together" in any language, with a joint act in an English clause); a tool's name with a case ending in a question; a
/// short live thing judged easier than writing; people got in a tool's room; meeting in a room named without a
/// determiner; sharing a screen; a call asked for beside "weekly" data. Not a proposal: a group greeted, things put
/// together, a joint act past or negated, a tool's genitive naming a thing, a comparison conceded with "but", a screen
/// shared under "when". A system down in borrowed words is a reason. Paraphrases written for this file, none a devset line.
/// </summary>
public sealed class HuddleThirteenthPassDecisionsTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();
    private static readonly RuleEngine GrammarOnly = new(PhraseBook.Default, [new HuddleInsteadOfThreadRule(null)]);

    [TestCase("ven a la sala de reuniones y miramos juntos las facturas de marzo")]
    [TestCase("passe à l'atelier et on vérifie ensemble les cotes du moule")]
    [TestCase("komm kurz ins Lager, dann zählen wir zusammen die Paletten")]
    [TestCase("vieni in ufficio e guardiamo insieme il preventivo")]
    [TestCase("come by the lab at 3, we check the calibration logs together")]
    [TestCase("lahko se slišimo na skypu glede dobave?")]
    [TestCase("a quick chat with the auditor would be quicker than this email thread about the samples")]
    [TestCase("let's get finance, legal and the buyer in a zoom room to settle the payment terms")]
    [TestCase("let's all meet in room 4 at 2 and agree the cut-over plan")]
    [TestCase("quick call re the weekly stock figures? easier than typing it all out")]
    [TestCase("easier if I share my screen and walk you through the pivot table, 10 mins?")]
    public void The_grammar_reads_these_as_a_proposal_of_a_live_meeting(string text)
    {
        Assert.That(RulesOn(GrammarOnly, text), Does.Contain(RuleIds.HuddleInsteadOfThread), "the grammar alone");
        Assert.That(RulesOn(Engine, text), Does.Contain(RuleIds.HuddleInsteadOfThread), "with the model");
    }

    [TestCase("Guten Morgen zusammen, the stock count is done and filed")]
    [TestCase("hej alle sammen, the new price list is in the drive")]
    [TestCase("we put together a deck for the board, link in the thread")]
    [TestCase("send the receipt together with the invoice please")]
    [TestCase("we went through the audit findings together yesterday, all closed")]
    [TestCase("the two pallets can't sit together in the cold store, one leaks")]
    [TestCase("ehdiksä katsoa Teamsin asetukset?")]
    [TestCase("a call would be faster but Ana is travelling, so here are the numbers: 14 open, 3 blocked")]
    [TestCase("when I share my screen the app freezes, any idea?")]
    [TestCase("before our weekly call, can we hop on a quick call about the rota?")]
    public void These_are_not_a_proposal(string text)
    {
        Assert.That(RulesOn(GrammarOnly, text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread), "the grammar alone");
        Assert.That(RulesOn(Engine, text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread), "with the model");
    }

    // A system down, in the words every language borrows, justifies the call (an outage), as "the site is down" does.
    [TestCase("das VPN ist down, ruf mich an")]
    [TestCase("el server está down, llámame")]
    [TestCase("la prod est down, on s'appelle ?")]
    public void A_system_down_in_borrowed_words_is_a_reason(string text)
    {
        Assert.That(RulesOn(GrammarOnly, text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread), "the grammar alone");
        Assert.That(RulesOn(Engine, text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread), "with the model");
    }

    private static IReadOnlyList<string> RulesOn(RuleEngine engine, string text) =>
        engine.Evaluate(Message(text), Context()).Select(f => f.RuleId).ToList();
}
