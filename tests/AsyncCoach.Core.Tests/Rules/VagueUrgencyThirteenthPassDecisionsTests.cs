using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>
/// docs/rules.md "Decided", thirteenth pass of issue #20 (branch <c>vague23</c>): clock times and spans as most languages
/// write them around a number; a deadline withdrawn, denied or inside an "until" clause is none; a firm's name, an
/// interjection and the urgent thing described are no demand; asking for a quick turnaround is one. Paraphrases written for
/// this file, none an item of a development set; each kind has counter-cases.
/// </summary>
public sealed class VagueUrgencyThirteenthPassDecisionsTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    [TestCase("asap, bis 15 Uhr")]
    [TestCase("asap bitte, spätestens 15 Uhr")]
    [TestCase("asap pls, a las 3")]
    [TestCase("urgente, antes de las 3, el banco cierra")]
    [TestCase("asap, kl 15")]
    [TestCase("asap, kl. 15.00")]
    [TestCase("asap, klo 15")]
    [TestCase("urgente, entro le 15")]
    [TestCase("asap, om 15 uur")]
    [TestCase("asap, tot 15u")]
    [TestCase("urgent, voor 8u30")]
    [TestCase("asap, in 30 Minuten")]
    [TestCase("urgent, dans 30 min")]
    [TestCase("urgente, en 30 minutos")]
    [TestCase("urgente, dentro de 2 horas")]
    [TestCase("asap, za 30 minut")]
    [TestCase("asap, 30 dakika içinde")]
    [TestCase("asap, dalam 30 menit")]
    [TestCase("asap, ndani ya dakika 30")]
    [TestCase("urgent, 48h max")]
    [TestCase("asap, max 2 days")]
    [TestCase("asap, 20 mins tops")]
    [TestCase("urgent, 10 min")]
    [TestCase("asap, in 5")]
    [TestCase("asap, by lunchtime")]
    [TestCase("asap, by Q1")]
    [TestCase("asap - due 12/3")]
    public void A_deadline_written_around_a_number_silences_it(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));

    [TestCase("urgent, the server has been down for 2 hours")]
    [TestCase("asap pls, las 3 cajas del pedido faltan")]
    [TestCase("dringend, seit 15 Uhr kein Netz")]
    [TestCase("urgent, we have been waiting 3 days")]
    [TestCase("urgent, the fault is in 2 of the panels")]
    [TestCase("asap, the crates came in 2 days late")]
    public void A_number_that_counts_measures_or_starts_is_no_deadline(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("I need the roster today... actually no, asap")]
    [TestCase("can you do it by Friday, no wait, just asap")]
    [TestCase("tomorrow is fine. scratch that, need it urgently")]
    [TestCase("need the cert asap, not next week")]
    [TestCase("send the quote asap rather than Friday")]
    [TestCase("URGENT: crane 2 is out, nobody lifts until the inspector comes tomorrow at 8")]
    [TestCase("URGENT: Kran 2 defekt, niemand arbeitet bis der Prüfer morgen 8 Uhr kommt")]
    public void A_deadline_withdrawn_denied_or_only_a_stop_leaves_the_demand_vague(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("I need the roster asap... actually, by noon is fine")]
    [TestCase("asap, not later than Friday")]
    [TestCase("urgent: hold the trucks until the inspector comes, but the forms are due by 5pm")]
    [TestCase("asap please, the parts must be delivered until the end of the week")]
    [TestCase("asap, bis Donnerstag 12 Uhr")]
    public void A_deadline_after_the_correction_or_outside_the_until_clause_stands(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));

    [TestCase("Urgent Wines LLC from Riga sent their order form")]
    [TestCase("ASAP Logistics Ltd called about the pallet")]
    [TestCase("Right Now Media invoiced us twice")]
    [TestCase("we booked Priority Freight Inc for the move")]
    [TestCase("wow that was quick, thanks")]
    [TestCase("damn that was fast, cheers")]
    [TestCase("our urgent line is 0800 123 456")]
    [TestCase("last week's urgent fix broke the export")]
    [TestCase("my urgent request from Monday was sorted by Priya")]
    [TestCase("thanks for the quick turnaround everyone")]
    public void A_name_an_interjection_or_a_described_thing_is_not_vague(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));

    [TestCase("URGENT Sam needs the van keys")]
    [TestCase("Urgent Help Needed in bay 4")]
    [TestCase("urgent: Wines order for Riga needs a pallet")]
    [TestCase("our urgent invoice is still unpaid, can you chase it?")]
    [TestCase("our urgent fix is stuck in review, please merge it")]
    [TestCase("appreciate a quick turnaround on this")]
    [TestCase("need a prompt reply from the landlord")]
    [TestCase("kindly a speedy response on the claim")]
    public void A_demand_beside_a_name_or_a_described_thing_still_asks(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    private static IEnumerable<string> RulesOn(string text) =>
        Engine.Evaluate(Message(text, ConversationKind.Channel, channel: "C1"), Context(ConversationKind.Channel, "C1")).Select(f => f.RuleId);
}
