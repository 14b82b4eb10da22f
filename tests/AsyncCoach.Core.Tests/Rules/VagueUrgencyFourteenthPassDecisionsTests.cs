using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>
/// docs/rules.md "Decided", fourteenth pass of issue #20 (branch <c>vague24</c>): a word said twice at the edge of a request
/// presses in any language; someone's words reported with an uninflected "say" or a Romance / Germanic "says that" describe;
/// a group addressed before its imperative ("all shift leads send …") asks; a word's translation ("'X' means urgent") mentions.
/// Paraphrases written for this file (none an item of a development set, the doubled words from languages no set holds where
/// possible); each kind has counter-cases.
/// </summary>
public sealed class VagueUrgencyFourteenthPassDecisionsTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    [TestCase("send the delivery receipts dali dali")]
    [TestCase("<@U1> kia kia the cash-up sheet")]
    [TestCase("reo reo, the stock count for bay 4")]
    [TestCase("need the tyre quotes nhanh nhanh pls")]
    [TestCase("manje manje! the truck is at the gate")]
    [TestCase("bring me the wristband list hayaku hayaku")]
    public void A_word_said_twice_at_a_requests_edge_presses(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("thanks mak mak for covering the late shift")]
    [TestCase("hi hi, how was the flight?")]
    [TestCase("ma ma, did the parcel arrive?")]
    [TestCase("pole pole, the glass pallets crack easily")]
    [TestCase("small small, we go finish the painting")]
    [TestCase("the boda boda riders get their fuel card")]
    [TestCase("\"Dali Dali Foods\" is the new client in the CRM")]
    [TestCase(":tada: :tada: we shipped the release")]
    [TestCase("knock knock")]
    [TestCase("reo reo, the stock count for bay 4 by 15:00")]
    public void A_doubled_word_that_greets_thanks_slows_names_or_has_a_deadline_is_no_demand(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));

    [TestCase("the landlord say it urgent but he never sent the invoice")]
    [TestCase("customer say is top priority, we still waiting on the deposit")]
    [TestCase("il fornitore dice che è urgente ma non ha mandato l'ordine")]
    [TestCase("el proveedor dijo que era urgente y luego no contestó")]
    [TestCase("le transporteur dit que c'est urgent mais rien n'est prêt")]
    public void Someones_words_reported_describe(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));

    [TestCase("I say it's urgent, send the sheet now")]
    [TestCase("please say yes asap so we can book")]
    [TestCase("the landlord say it urgent, so please send the invoice asap")]
    public void The_speaker_saying_it_or_asked_to_say_it_still_demands(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("all site supervisors send the timesheets right away")]
    [TestCase("all night shift nurses update the board immediately")]
    [TestCase("all bay leads check the seals immediately")]
    public void A_group_addressed_before_its_imperative_asks(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("all shift reports went out immediately")]
    [TestCase("all the alarms reset immediately after the test")]
    public void A_group_that_is_the_subject_of_a_statement_does_not(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));

    [TestCase("the word \"haraka\" on the notice means urgent, please keep it in the translation")]
    [TestCase("\"dringend\" is German for urgent, so the label is right")]
    [TestCase("the sign \"sofort\" translates as immediately")]
    public void A_words_translation_mentions_urgency(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));

    [TestCase("this means urgent work for the night crew, please plan it")]
    [TestCase("the cooler failed, which means we need the engineer asap")]
    public void A_consequence_named_with_means_still_demands(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("urgente, para el 15 de diciembre")]
    [TestCase("urgent, pour le 3 janvier")]
    [TestCase("urgente entro il 3 gennaio")]
    [TestCase("asap, paling lambat 12 Agustus")]
    [TestCase("asap pls, wk 50")]
    [TestCase("dringend, KW 50")]
    [TestCase("urgent, T+1")]
    [TestCase("asap, J-3 before the launch")]
    [TestCase("asap by next standup")]
    [TestCase("urgent: by start of business")]
    [TestCase("asap, by close")]
    [TestCase("urgent, by month end")]
    [TestCase("asap, by weds")]
    public void A_date_week_or_relative_day_as_written_across_languages_is_a_deadline(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));

    [TestCase("urgente, desde el 15 de diciembre no hay stock")]
    [TestCase("urgent, the close of the valve failed")]
    [TestCase("asap, we lost 3 units in the D-12 bay")]
    [TestCase("urgent, 15 pallets of mais are stuck")]
    [TestCase("asap, by next of kin form")]
    public void A_date_that_starts_a_code_that_names_or_a_count_is_no_deadline(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    private static IEnumerable<string> RulesOn(string text) =>
        Engine.Evaluate(Message(text, ConversationKind.Channel, channel: "C1"), Context(ConversationKind.Channel, "C1")).Select(f => f.RuleId);
}
