using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>
/// docs/rules.md "Decided", eleventh pass of issue #20 (branch <c>vague21</c>): what a message with an
/// urgency word does. A month after "for" names a period; a passive need, an obligation and a manner of
/// speed in a clause that asks demand; a verb of saying reports; a question or a supposition about
/// urgency, a past report, a clause-opening "right now" that states, "urgent" before a plural class
/// and "the ASAP project" demand nothing; clocks in more shapes are deadlines. Paraphrases written for
/// this file, none an item of a development set; each kind has counter-cases.
/// </summary>
public sealed class VagueUrgencyEleventhPassDecisionsTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    [TestCase("please chase the timesheets for October asap")]
    [TestCase("can you pull the sales figures of August immediately")]
    [TestCase("the fire certificate is needed urgently by the insurer")]
    [TestCase("new lanyards are required immediately for the visitors")]
    [TestCase("the old badges should be deactivated with immediate effect")]
    [TestCase("could you forward the floor plans as quick as you can")]
    [TestCase("drivers upload your mileage claims asap")]
    [TestCase("need the gate code, like, now")]
    [TestCase("can you make the boiler repair a priority")]
    [TestCase("please bump the Harris order up the queue")]
    [TestCase("the keys please, right this second")]
    [TestCase("settle the supplier invoice without further delay")]
    [TestCase("right now, someone please unlock the loading door")]
    [TestCase("we need urgent repairs to the roof")]
    [TestCase("urgent fixes needed on the till software")]
    [TestCase("give me an asap update on the boiler")]
    [TestCase("can you look at the pump asap?")]
    [TestCase("is anyone able to cover reception asap?")]
    [TestCase("are you free to check the fridge asap?")]
    [TestCase("if you could reply asap that would be great")]
    [TestCase("I wanted to ask if you could send it asap")]
    [TestCase("I'll need you to sign it asap")]
    public void A_demand_for_speed_with_no_deadline_is_vague(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("please chase the timesheets for October 14 asap")]
    [TestCase("please chase the timesheets asap, by October")]
    [TestCase("need the gate code asap, by 1800")]
    [TestCase("need the gate code asap, by half four")]
    [TestCase("urgent: the floor plans by 16h please")]
    [TestCase("asap please, 9h30 at the latest")]
    [TestCase("urgent, 16.45 at the latest")]
    [TestCase("the lanyards are needed urgently, within 2hrs")]
    [TestCase("asap pls, in a fortnight max")]
    [TestCase("urgent, needs sorting this arvo")]
    [TestCase("asap, by EOP")]
    [TestCase("urgent, bring it to the 11 o'clock briefing")]
    [TestCase("asap please, tomorrow's the cut-off")]
    public void A_deadline_in_another_shape_silences_it(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));

    [TestCase("the courier keeps saying it's urgent, I've booked the van anyway")]
    [TestCase("the landlord told us it's high priority, the quote is attached")]
    [TestCase("right now the lift is out of order, please use the stairs")]
    [TestCase("immediately the power came back the alarms stopped")]
    [TestCase("how urgent is the boiler repair?")]
    [TestCase("is the stock count high priority or can it wait?")]
    [TestCase("do you need the floor plans asap?")]
    [TestCase("tell me if it's urgent")]
    [TestCase("we answered asap")]
    [TestCase("it only became urgent when the auditor moved the visit")]
    [TestCase("we route urgent parcels through the night depot")]
    [TestCase("the ASAP lane opens at the new depot")]
    [TestCase("I'll ring you back asap")]
    [TestCase("we'll send you the floor plans right away")]
    public void Urgency_reported_asked_about_supposed_told_or_named_is_not_vague(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));

    private static IEnumerable<string> RulesOn(string text) =>
        Engine.Evaluate(Message(text, ConversationKind.Channel, channel: "C1"), Context(ConversationKind.Channel, "C1")).Select(f => f.RuleId);
}
