using AsyncCoach.Core.Model;
using AsyncCoach.Core.Norms;
using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Rules;

public sealed class RuleEngineTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    [Test]
    public void The_default_engine_runs_the_six_rules_of_RULES_md()
    {
        Assert.That(Engine.Rules.Select(r => r.Id), Is.EquivalentTo(RuleIds.All));
    }

    [Test]
    public void Every_phrase_list_in_the_data_file_has_a_known_name()
    {
        Assert.That(PhraseBook.Default.Lists.Keys, Is.EquivalentTo(PhraseLists.All));
        Assert.That(PhraseBook.Default.Lists.Values, Has.All.Not.Empty);
    }

    [Test]
    public void A_team_can_add_its_own_greeting()
    {
        var norms = TeamNorms.Default with
        {
            ExtraPhrases = new Dictionary<string, IReadOnlyList<string>> { [PhraseLists.Greeting] = ["Kia ora", "Yassas"] },
        };

        var withTeamPhrases = Engine.Evaluate(Message("Yassas!"), Context(norms: norms));
        var withDefaults = Engine.Evaluate(Message("Yassas!"), Context());

        Assert.That(withTeamPhrases.Single().RuleId, Is.EqualTo(RuleIds.MissingContext));
        Assert.That(withTeamPhrases.Single().Evidence, Is.EqualTo(new[] { "yassas" }));
        Assert.That(withDefaults, Is.Empty);
    }

    [Test]
    public void A_team_can_add_its_own_deadline_words()
    {
        var norms = TeamNorms.Default with
        {
            ExtraPhrases = new Dictionary<string, IReadOnlyList<string>> { [PhraseLists.Deadline] = ["by the sprint demo"] },
        };

        Assert.That(Engine.Evaluate(Message("need the deck asap, by the sprint demo"), Context()).Select(f => f.RuleId), Does.Contain(RuleIds.VagueUrgency));
        Assert.That(Engine.Evaluate(Message("need the deck asap, by the sprint demo"), Context(norms: norms)), Is.Empty);
    }

    [Test]
    public void An_unknown_list_name_in_team_phrases_is_ignored()
    {
        var norms = TeamNorms.Default with
        {
            ExtraPhrases = new Dictionary<string, IReadOnlyList<string>> { ["greetings-typo"] = ["yassas"] },
        };

        Assert.That(Engine.Evaluate(Message("yassas"), Context(norms: norms)), Is.Empty);
        Assert.That(Engine.Evaluate(Message("hi"), Context(norms: norms)).Single().RuleId, Is.EqualTo(RuleIds.MissingContext));
    }

    [Test]
    public void A_disabled_rule_never_fires()
    {
        var norms = TeamNorms.Default with { EnabledRules = new HashSet<string>([RuleIds.VagueUrgency]) };

        var findings = Engine.Evaluate(Message("hey, need you asap"), Context(norms: norms));

        Assert.That(findings.Select(f => f.RuleId), Is.EqualTo(new[] { RuleIds.VagueUrgency }));
    }

    [Test]
    public void A_custom_rule_plugs_in_through_IRule()
    {
        var engine = new RuleEngine(PhraseBook.Default, [new ShoutingRule()]);

        var findings = engine.Evaluate(Message("PLEASE READ THE WIKI"), Context(norms: TeamNorms.Default with { EnabledRules = new HashSet<string>(["shouting"]) }));

        Assert.That(findings.Single().RuleId, Is.EqualTo("shouting"));
    }

    [Test]
    public void A_finding_carries_ids_time_thread_and_author_of_its_message()
    {
        var thread = MessageTs.FromInstant(Tuesday10Utc.AddMinutes(-5));

        var finding = Engine.Evaluate(Message("can we hop on a call about the budget?", threadTs: thread), Context()).Single();

        Assert.That(
            (finding.Team, finding.Channel, finding.Ts, finding.ThreadTs, finding.Author, finding.At),
            Is.EqualTo((Team, new ChannelId("D1"), MessageTs.FromInstant(Tuesday10Utc), (MessageTs?)thread, Author, Tuesday10Utc)));
        Assert.That(finding.Evidence, Is.EqualTo(new[] { "can we hop on a call" }));
    }

    [TestCase("<@U2> URGENT: deploy is broken on prod", TestName = "A leading URGENT after mentions silences broadcast and after-hours but not vague-urgency")]
    public void Urgent_marker_after_leading_mentions(string text)
    {
        var findings = Engine.Evaluate(
            Message(text, ConversationKind.Channel, Tuesday10Utc.AddHours(12), channel: "C1"),
            Context(ConversationKind.Channel, "C1", memberCount: 100));

        Assert.That(findings.Select(f => f.RuleId), Is.EqualTo(new[] { RuleIds.VagueUrgency }));
    }

    [Test]
    public void A_long_message_keeps_every_match_so_a_late_deadline_still_counts()
    {
        var filler = string.Join(' ', Enumerable.Repeat("hi can we talk about the quick question you around", 40));

        var findings = Engine.Evaluate(Message($"need this asap. {filler}. by Friday please"), Context());

        Assert.That(findings.Select(f => f.RuleId), Does.Not.Contain(RuleIds.VagueUrgency));
    }

    private sealed class ShoutingRule : IRule
    {
        public string Id => "shouting";

        public Finding? Evaluate(in RuleContext context) =>
            context.Message.Text.Any(char.IsLower) ? null : context.CreateFinding(Id, ["all caps"], "Lower case reads calmer.");
    }
}
