using System.Threading.Channels;

namespace AsyncCoach.Hosting;

/// <summary>
/// Wakes one background loop when there is new work; signals coalesce (a notify while one is
/// already waiting to be read adds nothing). Each loop has its own subclass, so each is its own
/// service: <see cref="Inbox.InboxSignal"/>, <see cref="Nudges.OutboxSignal"/>.
/// </summary>
public abstract class WakeSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Notify() => _channel.Writer.TryWrite(true);

    public Task WaitAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAsync(cancellationToken).AsTask();
}
