using AsyncCoach.Slack.WebApi;

namespace AsyncCoach.Nudges;

/// <summary>What the outbox does after a failed call, whatever the kind.</summary>
public enum OutboxFailure
{
    /// <summary>The token no longer works: the team is inactive until reinstalled; its lane stops.</summary>
    Revoked,

    /// <summary>An error that will not heal: the row ends as failed with the code.</summary>
    Permanent,

    /// <summary>Rate limited beyond what the client waits out: the team's rows wait until then.</summary>
    RateLimited,

    /// <summary>Transient: the row is tried again after an exponential backoff.</summary>
    Retry,
}

/// <summary>The send policy's classification of Slack's answers (one list for every kind).</summary>
public static class OutboxFailures
{
    // Errors that will not heal: the row ends with that reason.
    private static readonly HashSet<string> Permanent = new(StringComparer.Ordinal)
    {
        "channel_not_found", "not_in_channel", "user_not_in_channel", "is_archived", "account_inactive",
        "msg_too_long", "no_text", "invalid_blocks", "messages_tab_disabled", "restricted_action", "missing_scope",
        "user_not_found", "cannot_dm_bot",
    };

    // The token no longer works: stop sending for the team until it is reinstalled.
    private static readonly HashSet<string> Revoked = new(StringComparer.Ordinal) { "token_revoked", "invalid_auth", "not_authed" };

    public static OutboxFailure Classify(SlackApiException exception) =>
        Revoked.Contains(exception.Error) ? OutboxFailure.Revoked
        : Permanent.Contains(exception.Error) || !exception.IsTransient ? OutboxFailure.Permanent
        : exception.RetryAfter is not null ? OutboxFailure.RateLimited
        : OutboxFailure.Retry;

    /// <summary><paramref name="baseDelay"/> doubled per attempt, at most <paramref name="maxDelay"/>.</summary>
    public static TimeSpan Backoff(long attempt, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        var delay = baseDelay * Math.Pow(2, Math.Min(attempt - 1, 16));
        return delay < maxDelay ? delay : maxDelay;
    }
}
