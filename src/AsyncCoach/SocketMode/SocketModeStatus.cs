namespace AsyncCoach.SocketMode;

/// <summary>What <c>/readyz</c> says about Socket Mode: on or off, connections open, or switched off by Slack.</summary>
public sealed class SocketModeStatus
{
    private int _open;
    private volatile bool _linkDisabled;

    public SocketModeStatus(bool enabled) => IsEnabled = enabled;

    /// <summary>Whether <c>Slack:AppToken</c> is set, so events come over Socket Mode.</summary>
    public bool IsEnabled { get; }

    /// <summary>Connections that have said <c>hello</c> and are not closed yet.</summary>
    public int OpenConnections => Volatile.Read(ref _open);

    /// <summary>Slack said <c>link_disabled</c>: Socket Mode is off in the app's settings, and AsyncCoach stopped reconnecting.</summary>
    public bool IsLinkDisabled => _linkDisabled;

    internal void Opened() => Interlocked.Increment(ref _open);

    internal void Closed() => Interlocked.Decrement(ref _open);

    internal void LinkDisabled() => _linkDisabled = true;
}
