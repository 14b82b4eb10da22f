namespace AsyncCoach.Core.Nudges;

/// <summary>How one nudge reaches its author.</summary>
public enum NudgeDelivery
{
    /// <summary><c>chat.postEphemeral</c> in the message's channel and thread.</summary>
    Ephemeral,

    /// <summary>A direct message from the app.</summary>
    Dm,
}
