using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>
/// docs/rules.md "Decided", twelfth pass of issue #20 (branch <c>vague22</c>): deadline forms that do not
/// depend on one language (a day number, a dotted date, "14h", "e.o.d.", the weekend) and what is none (an
/// ordinal ranking a noun, a month naming a period); a demand stood down by a later clause; a report with
/// the urgency word before its past verb; a condition on the reader's ability is no trigger. Paraphrases
/// written for this file, none an item of a development set; each kind has counter-cases.
/// </summary>
public sealed class VagueUrgencyTwelfthPassDecisionsTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    [TestCase("3rd reminder: need the canteen invoices asap")]
    [TestCase("second time asking, 2nd floor printer needs toner urgently")]
    [TestCase("please repair the 4th lift immediately")]
    [TestCase("urgent: the 1st shift has no gloves, send a box")]
    [TestCase("pls send the 3rd draft asap")]
    [TestCase("need the May figures for the audit asap")]
    [TestCase("can you resend our October invoice urgently")]
    [TestCase("the fridge needs a technician, urgent, lost 2h already")]
    [TestCase("re-stock the weekend fridge asap please")]
    [TestCase("reset the alarm code immediately if possible")]
    [TestCase("please collect the samples right away if you can")]
    [TestCase("need the permit immediately if not sooner")]
    [TestCase("the new hire needs a laptop asap, nothing to do with IT's backlog")]
    [TestCase("no action from the landlord yet, so please chase the repair urgently")]
    public void A_demand_with_no_deadline_is_vague(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("asap please, by the 4th")]
    [TestCase("urgent: need it on the 21st")]
    [TestCase("need the keys asap, the 2nd of June at the latest")]
    [TestCase("urgent, November 3rd")]
    [TestCase("urgent: the signed lease by 14.03.")]
    [TestCase("asap, deadline 02.01.2027")]
    [TestCase("need the plan asap, 16h latest")]
    [TestCase("urgent, by e.o.d. please")]
    [TestCase("asap, c.o.b. Friday")]
    [TestCase("urgent, needs doing by the weekend")]
    [TestCase("asap pls, before the April board meeting")]
    public void A_deadline_in_these_shapes_silences_it(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));

    [TestCase("the boiler service is top priority for the caretaker, but nothing to do until the part arrives")]
    [TestCase("the tenants say the leak is urgent, no action needed from us yet")]
    [TestCase("he urgently needed a signature and the notary came at six")]
    [TestCase("we immediately stopped the line and called the fitter")]
    [TestCase("right away the driver noticed the flat tyre and pulled over")]
    [TestCase("call the vet immediately if you see the ewe limping")]
    public void A_demand_stood_down_reported_or_triggered_is_not_vague(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));

    private static IEnumerable<string> RulesOn(string text) =>
        Engine.Evaluate(Message(text, ConversationKind.Channel, channel: "C1"), Context(ConversationKind.Channel, "C1")).Select(f => f.RuleId);
}
