namespace AsyncCoach.Slack.WebApi;

/// <summary>What a Web API client does when a call fails (<see cref="SlackWebApiClientFactory.Create(string?, SlackCallPolicy)"/>).</summary>
public enum SlackCallPolicy
{
    /// <summary>
    /// The resilience pipeline (<see cref="SlackResilience"/>): retries 5xx, timeouts and
    /// transient codes, waits out a short <c>Retry-After</c>. For callers with no retry of their own.
    /// </summary>
    Retrying,

    /// <summary>
    /// One attempt within <see cref="SlackOptions.AttemptTimeout"/>; every failure, a 429 with its
    /// <c>Retry-After</c> included, reaches the caller at once. For callers that retry themselves
    /// (the outbox: backoff, per-team rate-limit holds, expiry), so a wait inside the call neither
    /// holds a send slot nor hides the rate limit from them.
    /// </summary>
    SingleAttempt,
}
