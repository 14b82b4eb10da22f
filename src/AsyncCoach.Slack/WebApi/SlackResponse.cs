namespace AsyncCoach.Slack.WebApi;

/// <summary>The envelope every Web API answer shares (slack-platform.md §7).</summary>
public abstract record SlackResponse
{
    public bool Ok { get; init; }

    public string? Error { get; init; }

    public string? Warning { get; init; }

    /// <summary>On <c>missing_scope</c>: the scope the method needs.</summary>
    public string? Needed { get; init; }

    /// <summary>On <c>missing_scope</c>: the scopes the token has.</summary>
    public string? Provided { get; init; }

    public ResponseMetadata? ResponseMetadata { get; init; }
}

public sealed record ResponseMetadata
{
    public string? NextCursor { get; init; }

    public IReadOnlyList<string>? Messages { get; init; }

    public IReadOnlyList<string>? Warnings { get; init; }
}

/// <summary>Used to read the error of an answer whose method we do not model, or a failed one.</summary>
public sealed record SlackErrorResponse : SlackResponse;
