namespace AsyncCoach.Inbox;

/// <summary>
/// Told, each round, which conversations have an acknowledged event that the round's other events
/// go ahead of: a row waiting for another attempt (one failed; the round's own failures too) or, with
/// look-ahead, an event still waiting for its lookups. Their pending findings must not be released
/// by the event time of other conversations meanwhile (docs/decisions.md, "Held conversations").
/// </summary>
public interface IInboxHoldBack
{
    /// <summary>Ends the previous round's holds; called once per round, before its holds.</summary>
    void ClearHolds();

    /// <summary>Holds back the conversation until the next <see cref="ClearHolds"/>.</summary>
    void HoldBack(string teamId, string channelId);
}
