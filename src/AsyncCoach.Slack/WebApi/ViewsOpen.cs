using AsyncCoach.Slack.BlockKit;

namespace AsyncCoach.Slack.WebApi;

/// <summary><c>views.open</c>: a modal, opened with the <c>trigger_id</c> of the click that asked for it.</summary>
public sealed record OpenViewRequest(string TriggerId, ModalView View);

public sealed record OpenViewResponse : SlackResponse
{
    public PublishedView? View { get; init; }
}
