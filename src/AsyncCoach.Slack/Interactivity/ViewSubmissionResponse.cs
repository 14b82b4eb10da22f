using AsyncCoach.Slack.BlockKit;

namespace AsyncCoach.Slack.Interactivity;

/// <summary>
/// The acknowledgement body of a <c>view_submission</c> (slack-platform.md §6): <c>errors</c>
/// keeps the modal open with a message under each named input block; <c>update</c> replaces the
/// modal; <c>clear</c> closes the whole stack. An empty 200 simply closes the modal.
/// </summary>
public sealed record ViewSubmissionResponse
{
    public string ResponseAction { get; init; } = "";

    /// <summary>block_id of an input block → the message shown under it.</summary>
    public IReadOnlyDictionary<string, string>? Errors { get; init; }

    public ModalView? View { get; init; }

    public static ViewSubmissionResponse WithErrors(IReadOnlyDictionary<string, string> errors) =>
        new() { ResponseAction = "errors", Errors = errors };

    public static ViewSubmissionResponse Update(ModalView view) => new() { ResponseAction = "update", View = view };

    public static ViewSubmissionResponse Clear() => new() { ResponseAction = "clear" };
}
