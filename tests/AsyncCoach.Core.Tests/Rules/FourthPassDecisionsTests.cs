using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>
/// docs/rules.md "Decided", fourth pass of issue #20 (branch <c>accuracy4</c>): the kinds of
/// error, each as several paraphrases written for this file (positives and hard negatives), none an
/// item of a development set. They are read by what the message does: a small word grammar for
/// availability checks (<c>ContactGrammar</c>) and call proposals (<c>CallGrammar</c>), negation by any
/// negative auxiliary and over a denied opinion, deadlines anchored to an event by any "before" marker.
/// </summary>
public sealed class FourthPassDecisionsTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();
    private static readonly string[] None = [];

    private static IEnumerable<TestCaseData> DirectMessages()
    {
        (string Id, string Text, string[] Rules)[] cases =
        [
            ("mc-name-1", "hey Tomasz", [RuleIds.MissingContext]),
            ("mc-name-2", "hello nadia", [RuleIds.MissingContext]),
            ("mc-name-3", "Good morning Ahmed!", [RuleIds.MissingContext]),
            ("mc-name-4", "hi there Kenji :wave:", [RuleIds.MissingContext]),
            ("mc-name-5", "Hiya Bea", [RuleIds.MissingContext]),
            ("mc-name-6", "morning Lars, hope all good", [RuleIds.MissingContext]),
            ("mc-av-1", "you got a sec?", [RuleIds.MissingContext]),
            ("mc-av-2", "hey, free now?", [RuleIds.MissingContext]),
            ("mc-av-3", "r u there", [RuleIds.MissingContext]),
            ("mc-av-4", "hi, is this a good time?", [RuleIds.MissingContext]),
            ("mc-av-5", "Hello sir, are you available now please?", [RuleIds.MissingContext]),
            ("mc-av-6", "hey, have you got 5?", [RuleIds.MissingContext]),
            ("mc-av-7", "any chance you're free for a bit?", [RuleIds.MissingContext]),
            ("mc-av-8", "oi, you about?", [RuleIds.MissingContext]),
            ("mc-av-9", "hey, you at your desk?", [RuleIds.MissingContext]),
            ("mc-av-10", "Dear colleague, kindly let me know when you are free", [RuleIds.MissingContext]),
            ("mc-av-11", "hi, do you have a minute to talk?", [RuleIds.MissingContext]),
            ("mc-av-12", "hey can u talk?", [RuleIds.MissingContext]),
            ("mc-av-13", "hello, can we speak?", [RuleIds.MissingContext]),
            ("mc-av-14", "is it ok if I disturb you for a min?", [RuleIds.MissingContext]),
            ("mc-av-15", "hey, ping me when you're back", [RuleIds.MissingContext]),
            ("mc-av-16", "hi, let me know when you have a moment", [RuleIds.MissingContext]),
            ("mc-av-17", "you online?", [RuleIds.MissingContext]),
            ("mc-av-18", "Hello, are you there ji?", [RuleIds.MissingContext]),
            ("mc-av-19", "hey, need to talk to you", [RuleIds.MissingContext]),
            ("mc-av-20", "hi, I need a word", [RuleIds.MissingContext]),
            ("mc-av-21", "morning! can I grab you for a sec?", [RuleIds.MissingContext]),
            ("mc-av-22", "hey quick one", [RuleIds.MissingContext]),
            ("mc-av-23", "hi, something to ask you", [RuleIds.MissingContext]),
            ("mc-av-24", "hello, I have a doubt", [RuleIds.MissingContext]),
            ("mc-av-25", "hey, have a question for you", [RuleIds.MissingContext]),
            ("mc-av-26", "hi, can you call me?", [RuleIds.MissingContext, RuleIds.HuddleInsteadOfThread]),
            ("mc-av-27", "hey, let's jump on a call", [RuleIds.MissingContext, RuleIds.HuddleInsteadOfThread]),
            ("mc-av-28", "hello, are you busy right now?", [RuleIds.MissingContext]),
            ("mc-av-29", "yo you free?", [RuleIds.MissingContext]),
            ("mc-av-30", "hey!! u there??", [RuleIds.MissingContext]),
            ("mc-av-31", "hi, are you in today?", [RuleIds.MissingContext]),
            ("mc-av-32", "hey, you have time today?", [RuleIds.MissingContext]),
            ("mc-av-33", "hi, when do you have time?", [RuleIds.MissingContext]),
            ("mc-av-34", "hi, whenever you get a chance can you ping me?", [RuleIds.MissingContext]),
            ("mc-neg-1", "hi Tomasz, the invoice is attached", None),
            ("mc-neg-2", "you got a sec to look at the rota?", None),
            ("mc-neg-3", "hey, is the build green?", None),
            ("mc-neg-4", "are you free on Friday for the offsite dinner?", None),
            ("mc-neg-5", "hi, do you have the password for the printer?", None),
            ("mc-neg-6", "hey, have you got the keys?", None),
            ("mc-neg-7", "congrats on the launch!", None),
            ("mc-neg-8", "sorry, I missed your message", None),
            ("mc-neg-9", "hi, are you coming to the party?", None),
            ("mc-neg-10", "thanks Nadia", None),
            ("hd-1", "can we take this to a call?", [RuleIds.HuddleInsteadOfThread]),
            ("hd-2", "let's talk it through live, it's faster", [RuleIds.HuddleInsteadOfThread]),
            ("hd-3", "ring me about the invoice", [RuleIds.HuddleInsteadOfThread]),
            ("hd-4", "give me a ring when you can re the contract", [RuleIds.HuddleInsteadOfThread]),
            ("hd-5", "shall we chat on the phone about the budget?", [RuleIds.HuddleInsteadOfThread]),
            ("hd-6", "join my zoom, we'll sort out the config", [RuleIds.HuddleInsteadOfThread]),
            ("hd-7", "join my meet room in 5 to go over the mockups", [RuleIds.HuddleInsteadOfThread]),
            ("hd-8", "5 min teams call about the release notes?", [RuleIds.HuddleInsteadOfThread]),
            ("hd-9", "quick phone call about the supplier quote?", [RuleIds.HuddleInsteadOfThread]),
            ("hd-10", "easier if we just talk, want to hop on google meet?", [RuleIds.HuddleInsteadOfThread]),
            ("hd-11", "can you jump in a huddle re the menu?", [RuleIds.HuddleInsteadOfThread]),
            ("hd-12", "let me give you a call about the lease", [RuleIds.HuddleInsteadOfThread]),
            ("hd-13", "I'll call you in 10 to discuss the budget", [RuleIds.HuddleInsteadOfThread]),
            ("hd-14", "can we discuss the schema over a video call?", [RuleIds.HuddleInsteadOfThread]),
            ("hd-15", "this is getting long, let's move it to a call", [RuleIds.HuddleInsteadOfThread]),
            ("hd-16", "faster to talk this over, call me", [RuleIds.HuddleInsteadOfThread]),
            ("hd-17", "let's sync live on the launch copy", [RuleIds.HuddleInsteadOfThread]),
            ("hd-18", "hop on a whereby link to review the logo?", [RuleIds.HuddleInsteadOfThread]),
            ("hd-19", "15 mins on slack huddle re onboarding doc?", [RuleIds.HuddleInsteadOfThread]),
            ("hd-20", "shall I phone you about the quote?", [RuleIds.HuddleInsteadOfThread]),
            ("hd-21", "can we chat over the phone about the payroll export?", [RuleIds.HuddleInsteadOfThread]),
            ("hd-22", "let's get on a call to finalise the copy", [RuleIds.HuddleInsteadOfThread]),
            ("hd-23", "pop into my huddle to look at the chart?", [RuleIds.HuddleInsteadOfThread]),
            ("hd-24", "I'll start a huddle for the pricing question", [RuleIds.HuddleInsteadOfThread]),
            ("hd-25", "starting a huddle now about the failing tests, join", [RuleIds.HuddleInsteadOfThread]),
            ("hd-neg-1", "had a call with the client this morning, notes in the doc", None),
            ("hd-neg-2", "I called the supplier yesterday, they confirmed Tuesday", None),
            ("hd-neg-3", "just got off the phone with legal, they approved the text", None),
            ("hd-neg-4", "the daily huddle is cancelled today", None),
            ("hd-neg-5", "I updated the huddle board with this week's numbers", None),
            ("hd-neg-6", "> can we hop on a call?\nI'd rather keep it here, details below: the export fails on row 12", None),
            ("hd-neg-7", "the wifi is down so calls won't work, let's use phones: call me", None),
            ("hd-neg-8", "my laptop died, can you ring me so I can explain?", None),
            ("hd-neg-9", "there's some tension between ops and sales on this, let's talk live", None),
            ("hd-neg-10", "it's Amir's first day, let's do a quick video call to welcome him", None),
            ("hd-neg-11", "the server room is flooding, call me now", None),
            ("hd-neg-12", "spoke to Maria on the phone, she's fine with the change", None),
            ("hd-neg-13", "we talked it through on a call yesterday and agreed to ship", None),
            ("hd-neg-14", "the ward huddle is at 8 as usual", None),
            ("hd-neg-15", "recording of the all-hands call is in the drive", None),
            ("hd-neg-16", "let's cover it at Thursday's sync instead", None),
            ("hd-neg-17", "I know you suggested a call but writing it here: we pick option B", None),
            ("hd-neg-18", "after our call last week I drafted the plan, see attached", None),
            ("hd-neg-19", "the projector in room 2 is broken, can you come to my desk?", None),
            ("hd-neg-20", "our phones are down because of the outage, join my zoom", None),
            ("vu-1", "need the slides asap", [RuleIds.VagueUrgency]),
            ("vu-2", "this is urgent, please review the PR", [RuleIds.VagueUrgency]),
            ("vu-3", "top priority: fix the login bug", [RuleIds.VagueUrgency]),
            ("vu-4", "please get this done as soon as you can", [RuleIds.VagueUrgency]),
            ("vu-5", "critical: the payment page is broken, fix needed urgently", [RuleIds.VagueUrgency]),
            ("vu-neg-1", "need the slides asap, before Priya's board meeting", None),
            ("vu-neg-2", "urgent: please send the numbers before the client call", None),
            ("vu-neg-3", "the new leave policy applies immediately to all staff", None),
            ("vu-neg-4", "the old link redirects immediately to the new portal", None),
            ("vu-neg-5", "I don't think this one is really that urgent", None),
            ("vu-neg-6", "no need to do anything right away", None),
            ("vu-neg-7", "nothing here needs action asap", None),
            ("vu-neg-8", "the log says:\n```ERROR urgent retry asap```\nI'll look at it on Monday", None),
            ("vu-neg-9", "> this is urgent!!\nfrom the vendor, ignore it, it's marketing", None),
            ("vu-neg-10", "need the report asap, ahead of the audit", None),
            ("vu-neg-11", "urgent: sign the form prior to the board review", None),
            ("vu-neg-12", "asap please, ideally before the standup", None),
            ("vu-neg-13", "asap please, in time for the demo", None),
            ("vu-neg-14", "need it asap, before the vendor's deadline on the 14th", None),
            ("vu-neg-15", "the patch is effective immediately upon install", None),
            ("vu-neg-16", "refunds are processed immediately", None),
            ("vu-neg-17", "I wouldn't say it's urgent", None),
            ("vu-neg-18", "not sure it's high priority tbh", None),
            ("vu-neg-20", "it can wait, definitely no need to rush it asap", None),
            ("vu-neg-21", "need this asap, before the 2pm cutoff", None),
            ("vu-neg-22", "urgent, need it before the next shift starts", None),
            ("hd-g-1", "give me a buzz about the parking permits", [RuleIds.HuddleInsteadOfThread]),
            ("hd-g-2", "I'll give you a quick ring re the catering order", [RuleIds.HuddleInsteadOfThread]),
            ("hd-g-3", "are you free to chat about the seating plan?", [RuleIds.HuddleInsteadOfThread]),
            ("hd-g-4", "shall we all meet in the car park and go through the snagging list?", [RuleIds.HuddleInsteadOfThread]),
            ("hd-g-5", "can we find a slot to talk about the supplier contract?", [RuleIds.HuddleInsteadOfThread]),
            ("hd-g-6", "let me pull you into a zoom about the export bug", [RuleIds.HuddleInsteadOfThread]),
            ("hd-g-7", "swing over to my desk and I'll walk you through the macro", [RuleIds.HuddleInsteadOfThread]),
            ("hd-g-8", "zoom later about the grant figures?", [RuleIds.HuddleInsteadOfThread]),
            ("hd-g-9", "quick zoom?", [RuleIds.MissingContext, RuleIds.HuddleInsteadOfThread]),
            ("hd-g-10", "can we make a short call to settle the font question?", [RuleIds.HuddleInsteadOfThread]),
            ("hd-g-11", "we need to make a call on the venue by Friday", None),
            ("hd-g-12", "I won't pull you into a meeting, here's the summary: we go with vendor B", None),
            ("hd-g-13", "the tenant insists on a face to face meeting with the landlord", None),
            ("hd-g-14", "can we do a call later? want to go over your appraisal before the panel", None),
            ("hd-g-15", "the smoke alarm on level 2 keeps going off, ring me", None),
            ("hd-g-16", "come to the party on Friday!", None),
            ("mc-g-1", "hola, ¿qué tal?", [RuleIds.MissingContext]),
            ("mc-g-2", "bonjour à tous", [RuleIds.MissingContext]),
            ("mc-g-3", "heyyy, u got a min", [RuleIds.MissingContext]),
            ("mc-g-4", "hi, hope your trip to Lisbon went well", [RuleIds.MissingContext]),
            ("mc-g-5", "hi, hope the new kitchen layout works better for the night shift", None),
            ("mc-g-6", "sorry to bother you, can I ask something", [RuleIds.MissingContext]),
            ("mc-g-7", "boss u free?", [RuleIds.MissingContext]),
            ("mc-g-8", "Priya?", [RuleIds.MissingContext]),
            ("mc-g-9", "hey, you around at the moment?", [RuleIds.MissingContext]),
            ("mc-g-10", "morning, any chance you could spare 5 mins?", [RuleIds.MissingContext]),
            ("mc-g-11", "hi, one quick doubt", [RuleIds.MissingContext]),
            ("mc-g-12", "good evening night crew", [RuleIds.MissingContext]),
            ("mc-g-13", "let's connect", [RuleIds.MissingContext, RuleIds.HuddleInsteadOfThread]),
            ("mc-g-14", "hi, you free to review the menu draft?", None),
            ("mc-g-15", "hi, when will you be back from leave?", [RuleIds.MissingContext]),
            ("vu-g-1", "need the floor plan pronto", [RuleIds.VagueUrgency]),
            ("vu-g-2", "please send the signed form as soon as poss", [RuleIds.VagueUrgency]),
            ("vu-g-3", "someone please restock the printer, like right now", [RuleIds.VagueUrgency]),
            ("vu-g-4", "don't forget to send the rota asap", [RuleIds.VagueUrgency]),
            ("vu-g-5", "the refund needs to be paid until Thursday, it's urgent", None),
            ("vu-g-6", "we can't get this done asap, the part is on back order", None),
            ("vu-g-7", "I didn't mark it urgent, it can wait", None),
            ("vu-g-8", "urgent: please sign the lease ahead of the landlord's visit", None),
        ];
        foreach (var (id, text, rules) in cases)
        {
            yield return new TestCaseData(text, rules).SetName($"Decided (4th pass): {id}: {text.Replace('.', ' ')}");
        }
    }

    [TestCaseSource(nameof(DirectMessages))]
    public void A_direct_message_raises_exactly_the_decided_rules(string text, string[] expected)
    {
        var findings = Engine.Evaluate(Message(text), Context());

        Assert.That(findings.Select(f => f.RuleId), Is.EquivalentTo(expected));
    }

    [TestCase("can|could we talk", "could we talk", 3)]
    [TestCase("you|u? got a|few* min|sec", "u got a few min", 5)]
    [TestCase("you|u? got a|few* min|sec", "got min", 2)]
    [TestCase("#num mins", "10 mins", 2)]
    public void A_word_pattern_matches_its_longest_wording(string pattern, string text, int words)
    {
        Assert.That(WordPattern.Parse(pattern).Match(text), Is.EqualTo(words));
    }

    [TestCase("can|could we talk", "could you talk")]
    [TestCase("#num mins", "ten mins")]
    public void A_word_pattern_does_not_match_other_wordings(string pattern, string text)
    {
        Assert.That(WordPattern.Parse(pattern).Match(text), Is.Zero);
    }

    [TestCase("")]
    [TestCase("you? u?")]
    [TestCase("a| b")]
    public void A_malformed_word_pattern_is_refused(string pattern)
    {
        Assert.That(() => WordPattern.Parse(pattern), Throws.TypeOf<FormatException>());
    }
}
