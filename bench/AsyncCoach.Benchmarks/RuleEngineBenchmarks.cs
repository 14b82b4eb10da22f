using AsyncCoach.Core.Model;
using AsyncCoach.Core.Norms;
using AsyncCoach.Core.Rules;
using AsyncCoach.Core.Tracking;
using BenchmarkDotNet.Attributes;

namespace AsyncCoach.Benchmarks;

/// <summary>
/// Streams 20,000 messages through a fresh <see cref="ConversationTracker"/> per invocation; results
/// are per message. Mixed: 200 conversations (DMs, group DMs, channels of 8 and 60 people), 60
/// people in five time zones, a message every 1.5 s of event time from 08:00 UTC, one in seven a
/// message that fires (naked greeting, call request, vague urgency, broadcast). Nothing-fires:
/// only complete messages, everyone in London or Berlin, during their working hours; the setup
/// checks that it really raises no finding.
/// </summary>
[MemoryDiagnoser]
public class RuleEngineBenchmarks
{
    private const int Messages = 20_000;

    private static readonly string[] Quiet =
    [
        "deploy of api-gateway 2.14 finished, dashboards look fine",
        "thanks, that fixed it!",
        "I pushed the fix for the flaky checkout test, can you review PR 4211 when you have a moment?",
        "lunch?",
        "the retro notes are in the wiki under Team/2026",
        "+1, let's go with option B",
        "sounds good to me",
        "Morning all. Standup notes: I'm finishing the invoice export today, then picking up INFRA-88.",
        "can someone with prod access check why the nightly job took 3h instead of 40 min? no rush, before Friday is fine",
        "FYI the staging DB will be read-only from 14:00 to 14:30 UTC for the migration",
        "<@U3> could you share the link to the design doc for the new onboarding flow?",
        "I disagree with the naming, but happy to go with the majority",
        "merged :tada:",
        "ok",
        "the build is green again after reverting the dependency bump",
        "quick question: where do we keep the Terraform state for the eu cluster?",
        "Here's the summary of yesterday's discussion: we keep Postgres, add a read replica, revisit in Q3.",
        "<https://github.com/acme/api/pull/4211|PR 4211> is ready for another look",
        "good catch, I'll update the README",
        "I'll be out tomorrow afternoon, Sam is covering on-call",
    ];

    private static readonly string[] Firing =
    [
        "hi",
        "hey <@U2>, got a minute?",
        "can we hop on a call about the schema change?",
        "need the numbers asap",
        "<!channel> please fill in the survey",
        "you around?",
    ];

    // Short DM questions that pass the missing-context model's gate (fifth pass), so the model is read on each.
    private static readonly string[] ShortAsks =
    [
        "is it a bad moment?",
        "are you coming to the leaving drinks?",
        "do you have a sec to chat",
        "did you get my email?",
        "you around for a bit?",
        "have you seen the new brand guidelines?",
        "lunch?",
        "are you okay with moving the retro?",
    ];

    private static readonly string[] Zones = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "Europe/London"];

    private ChatMessage[] _mixed = [];
    private ChatMessage[] _quiet = [];
    private ChatMessage[] _shortAsks = [];
    private MessageContext[] _contexts = [];
    private MessageContext[] _quietContexts = [];
    private RuleEngine _engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = RuleEngine.CreateDefault();
        var people = Enumerable.Range(1, 60)
            .Select(i => new Person(new UserId("U" + i), Zones[i % Zones.Length], DisplayName: "Person" + i))
            .ToDictionary(p => p.Id);
        var office = people.Values.ToDictionary(p => p.Id, p => p with { TimeZoneId = p.TimeZoneId == "Europe/Berlin" ? "Europe/Berlin" : "Europe/London" });
        _contexts = [.. Enumerable.Range(0, 200).Select(c => Conversation(c, people))];
        _quietContexts = [.. Enumerable.Range(0, 200).Select(c => Conversation(c, office))];
        _mixed = Build(_contexts, new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.Zero), 1.5, i => i % 7 == 0 ? Firing[i / 7 % Firing.Length] : Quiet[i % Quiet.Length]);
        _quiet = Build(_quietContexts, new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero), 0.5, i => Quiet[i % Quiet.Length]);
        _shortAsks = Build([_quietContexts[0]], new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero), 0.5, i => ShortAsks[i % ShortAsks.Length]);
        if (Run(_quiet, _quietContexts) != 0 || NothingFiresEngineOnly() != 0)
        {
            throw new InvalidOperationException("The nothing-fires mix raised findings.");
        }
    }

    [Benchmark(OperationsPerInvoke = Messages, Baseline = true)]
    public int MixedThroughTracker() => Run(_mixed, _contexts);

    [Benchmark(OperationsPerInvoke = Messages)]
    public int NothingFiresThroughTracker() => Run(_quiet, _quietContexts);

    /// <summary>Short DM questions, each read by the missing-context model (engine only, no tracker).</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public int ShortAsksEngineOnly()
    {
        var findings = 0;
        for (var i = 0; i < _shortAsks.Length; i++)
        {
            findings += _engine.Evaluate(_shortAsks[i], _quietContexts[0]).Count;
        }

        return findings;
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public int NothingFiresEngineOnly()
    {
        var findings = 0;
        for (var i = 0; i < _quiet.Length; i++)
        {
            findings += _engine.Evaluate(_quiet[i], _quietContexts[i % _quietContexts.Length]).Count;
        }

        return findings;
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public int NormalizeOnly()
    {
        Span<char> buffer = stackalloc char[512];
        var total = 0;
        for (var i = 0; i < _quiet.Length; i++)
        {
            total += AsyncCoach.Core.Text.MessageText.Normalize(_quiet[i].Text, buffer, out _);
        }

        return total;
    }

    /// <summary>Findings per rule id in one pass of the mixed workload (for the docs: what "mixed" fires).</summary>
    public IReadOnlyDictionary<string, int> MixedFindingsByRule()
    {
        var tracker = new ConversationTracker(_engine);
        var findings = new List<Finding>();
        for (var i = 0; i < _mixed.Length; i++)
        {
            findings.AddRange(tracker.Observe(_mixed[i], _contexts[i % _contexts.Length]));
        }

        findings.AddRange(tracker.Flush());
        return findings.GroupBy(f => f.RuleId).ToDictionary(g => g.Key, g => g.Count());
    }

    private int Run(ChatMessage[] messages, MessageContext[] contexts)
    {
        var tracker = new ConversationTracker(_engine);
        var findings = 0;
        for (var i = 0; i < messages.Length; i++)
        {
            findings += tracker.Observe(messages[i], contexts[i % contexts.Length]).Count;
        }

        return findings + tracker.Flush().Count;
    }

    private static ChatMessage[] Build(MessageContext[] contexts, DateTimeOffset start, double spacing, Func<int, string> text)
    {
        return
        [
            .. Enumerable.Range(0, Messages).Select(i =>
            {
                var context = contexts[i % contexts.Length];
                var conversation = context.Conversation;
                var author = conversation.Members[i / contexts.Length % conversation.Members.Count];
                return new ChatMessage(new TeamId("T1"), conversation.Id, conversation.Kind, author, MessageTs.FromInstant(start.AddSeconds(i * spacing)), null, text(i));
            }),
        ];
    }

    private static MessageContext Conversation(int index, Dictionary<UserId, Person> people)
    {
        var kind = (index % 4) switch { 0 => ConversationKind.Im, 1 => ConversationKind.Mpim, _ => ConversationKind.Channel };
        var size = kind switch { ConversationKind.Im => 2, ConversationKind.Mpim => 4, _ => index % 10 == 2 ? 60 : 8 };
        var members = Enumerable.Range(0, size).Select(k => new UserId("U" + (((index + k) % 60) + 1))).ToList();
        return new MessageContext(new Conversation(new ChannelId("C" + index), kind, members, size), people, TeamNorms.Default);
    }
}
