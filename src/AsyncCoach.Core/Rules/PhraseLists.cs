namespace AsyncCoach.Core.Rules;

/// <summary>
/// The names of the phrase lists in <c>phrases.en.json</c>; the keys of
/// <see cref="Norms.TeamNorms.ExtraPhrases"/>. Documented in docs/rules.md.
/// </summary>
public static class PhraseLists
{
    public const string Greeting = "greeting";
    public const string Address = "address";
    public const string Availability = "availability";
    public const string QuickQuestion = "quick-question";
    public const string BareUrgency = "bare-urgency";
    public const string Politeness = "politeness";
    public const string CallRequest = "call-request";
    public const string CallReason = "call-reason";
    public const string CallDeclined = "call-declined";
    public const string ScheduledMeeting = "scheduled-meeting";
    public const string Urgency = "urgency";
    public const string UrgencyDescriptive = "urgency-descriptive";
    public const string UrgencyNegators = "urgency-negators";
    public const string UrgencyIntensifiers = "urgency-intensifiers";
    public const string Deadline = "deadline";
    public const string InPerson = "in-person";
    public const string CallVerbs = "call-verbs";
    public const string CallNouns = "call-nouns";
    public const string BareCall = "bare-call";
    public const string Withdrawal = "withdrawal";
    public const string CallWords = "call-words";

    /// <summary>Words that put a call in the past in the other languages ("gestern", "ayer", "tadi", "đã"): a call word near one is reported, not proposed.</summary>
    public const string CallPast = "call-past";

    /// <summary>Every list, in a fixed order: a list's index is its bit in a match mask.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Greeting, Address, Availability, QuickQuestion, BareUrgency, Politeness, CallRequest, CallReason,
        CallDeclined, ScheduledMeeting, Urgency, UrgencyDescriptive, UrgencyNegators, UrgencyIntensifiers, Deadline, InPerson, CallVerbs, CallNouns, BareCall, Withdrawal, CallWords, CallPast,
    ];

    public static int IndexOf(string name)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    internal static readonly int GreetingIndex = IndexOf(Greeting);
    internal static readonly int AddressIndex = IndexOf(Address);
    internal static readonly int AvailabilityIndex = IndexOf(Availability);
    internal static readonly int QuickQuestionIndex = IndexOf(QuickQuestion);
    internal static readonly int BareUrgencyIndex = IndexOf(BareUrgency);
    internal static readonly int PolitenessIndex = IndexOf(Politeness);
    internal static readonly int CallRequestIndex = IndexOf(CallRequest);
    internal static readonly int CallReasonIndex = IndexOf(CallReason);
    internal static readonly int CallDeclinedIndex = IndexOf(CallDeclined);
    internal static readonly int ScheduledMeetingIndex = IndexOf(ScheduledMeeting);
    internal static readonly int UrgencyIndex = IndexOf(Urgency);
    internal static readonly int UrgencyDescriptiveIndex = IndexOf(UrgencyDescriptive);
    internal static readonly int UrgencyNegatorsIndex = IndexOf(UrgencyNegators);
    internal static readonly int UrgencyIntensifiersIndex = IndexOf(UrgencyIntensifiers);
    internal static readonly int DeadlineIndex = IndexOf(Deadline);
    internal static readonly int InPersonIndex = IndexOf(InPerson);
    internal static readonly int CallVerbsIndex = IndexOf(CallVerbs);
    internal static readonly int CallNounsIndex = IndexOf(CallNouns);
    internal static readonly int BareCallIndex = IndexOf(BareCall);
    internal static readonly int WithdrawalIndex = IndexOf(Withdrawal);
    internal static readonly int CallWordsIndex = IndexOf(CallWords);
    internal static readonly int CallPastIndex = IndexOf(CallPast);
}
