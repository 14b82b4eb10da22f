namespace AsyncCoach.Slack.WebApi;

/// <summary>
/// The deadline of a single-attempt call, on the DI <see cref="TimeProvider"/> (so tests drive it
/// with a fake clock), cancelled too when the caller cancels.
/// </summary>
internal sealed class CallTimeout : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationTokenRegistration _caller;

    public CallTimeout(TimeSpan timeout, TimeProvider time, CancellationToken caller)
    {
        _source = new CancellationTokenSource(timeout, time);
        _caller = caller.CanBeCanceled ? caller.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), _source) : default;
    }

    public CancellationToken Token => _source.Token;

    /// <summary>Whether the deadline (not the caller) ended the call.</summary>
    public bool Expired(CancellationToken caller) => _source.IsCancellationRequested && !caller.IsCancellationRequested;

    public void Dispose()
    {
        _caller.Dispose();
        _source.Dispose();
    }
}
