namespace AsyncCoach.Core.Rules;

/// <summary>
/// What an availability check does, as a small grammar rather than a list of its wordings
/// (docs/rules.md "Decided", fourth pass): it asks for some of the reader's time, to talk, to ask
/// something not yet said, or to be contacted later, and names no topic. A phrase that matches is
/// filler for missing-context; whatever else the message says still has to be filler too, so a
/// topic ("… to look at the rota") keeps the message complete.
/// </summary>
internal static class ContactGrammar
{
    // Each pattern is one act; words are as normalised (no apostrophes: "youre", "id").
    private static readonly WordPattern[] Patterns =
    [
        // Some of your time: "have you got 5?", "do you have a minute to talk?", "when do you have time?", "you got a sec for me?"
        WordPattern.Parse("when|whenever? any? chance? do|did|would|could|will|can|have|got|has? you|u|ya|yall have|got|get|spare|find|has a|an|few|couple|of|some|the|quick|spare|free|little|bit|more* #num|min|mins|minute|minutes|sec|secs|second|seconds|moment|mo|mom|tick|time|bit|jiffy to|for? talk|chat|speak|me|us|call?"),

        // To talk, no topic: "can u talk?", "could we speak quickly?", "may I talk to you?"
        WordPattern.Parse("can|could|may|shall|should|cn|cud we|i|u|you talk|speak|chat quickly|briefly|privately|real|quick? to|with? you|u|me|ya?"),

        // Wanting to talk: "need to talk to you", "wanna chat?", "I'd like to speak with you".
        WordPattern.Parse("i|we|id|wed|ive? really|would|just? need|needed|want|wanted|wanna|gotta|must|like|love|have|got to? talk|speak|chat to|with? you|u|ya?"),

        // A word with you: "I need a word", "can I have a quick word?", "could I grab a word with you?"
        WordPattern.Parse("can|could|may? i|we|id? need|want|wanted|like|have|get|grab a|one quick|short|brief|small? word|words with? you|u?"),

        // Asking to ask, the question not said: "have a question for you", "I have a doubt", "got a q for u", "something to ask you".
        WordPattern.Parse("i|we? have|got|ive|has|gotta a|an|one|some|another|few|couple|of|more* quick|small|little|short|tiny|silly|stupid|random? question|questions|doubt|doubts|query|queries|q|qn|qs|ques|thing|something|smth|sth for|to? ask? you|u|ya|yall?"),
        WordPattern.Parse("something|smth|sth|sthg|a|one|few|couple|of* quick|small|little? thing|things|question|questions? to ask|check|clarify with? you|u?"),

        // To be contacted later: "ping me when you're back", "call me", "can you text me back?"
        WordPattern.Parse("please|pls|plz|kindly|can|could|would|pl? you|u? ping|call|text|message|msg|dm|buzz|ring|reach|contact|phone|hmu me|back"),
        WordPattern.Parse("please|pls|plz|kindly? let|lemme me know"),
        WordPattern.Parse("please|pls|plz|kindly? lmk"),

        // …when the reader is free: "when you have a moment", "whenever you get a chance", "once you're back".
        WordPattern.Parse("when|whenever|once|if you|u|youre|ur|ya are|r|re? get|have|got|find? a|some? free|spare|few? moment|minute|minutes|min|mins|sec|chance|time|free|back|around|available|online|bit|up|in"),

        // May I interrupt: "is it ok if I disturb you", "would it be alright to call you".
        WordPattern.Parse("is|would|will? it|that|this? be? ok|okay|alright|fine|possible|cool if|to i|we? disturb|bother|interrupt|call|ping|steal|borrow|grab|ask you|u?"),

        // Whether you are free, the subject with its verb: "any chance you're free for a bit?", "ur around?"
        WordPattern.Parse("any? chance? youre|ur|yr still|already|currently? free|busy|available|around|there|about|online|back|awake|up|reachable|here"),
    ];

    /// <summary>The word after a contact act that starts at word <paramref name="start"/> (with any time words, a duration and closing politeness after it), or 0.</summary>
    public static int AsksForContact(in RuleContext context, int start)
    {
        var end = 0;
        foreach (var pattern in Patterns)
        {
            end = Math.Max(end, pattern.Match(context, start));
        }

        if (end == 0)
        {
            return 0;
        }

        while (end < context.Words.Length && MessageShapes.IsTime(context.WordAt(end)))
        {
            end++;
        }

        return MessageShapes.Duration(context, end);
    }
}
