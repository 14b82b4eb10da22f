using AsyncCoach.Inbox;
using AsyncCoach.Storage;

namespace AsyncCoach.Observability;

/// <summary>
/// Counts each recorded round's outcomes: processed (ok or failed) and deliveries skipped as
/// duplicates; and puts up the inbox's gauges (made with the processor, which every host starts).
/// </summary>
internal sealed class InboxMetricsObserver : IInboxObserver
{
    private readonly AsyncCoachMetrics _metrics;

    public InboxMetricsObserver(AsyncCoachMetrics metrics, IInboxBacklog backlog, TimeProvider time)
    {
        _metrics = metrics;
        metrics.ObserveInbox(backlog, time);
    }

    public void BatchCompleted(IReadOnlyList<InboxOutcome> outcomes)
    {
        int ok = 0, failed = 0, duplicates = 0;
        for (var i = 0; i < outcomes.Count; i++)
        {
            var outcome = outcomes[i];
            if (outcome.Duplicate)
            {
                duplicates++;
            }
            else if (outcome.Error is null)
            {
                ok++;
            }
            else
            {
                failed++;
            }
        }

        _metrics.EventsProcessed(ok, failed, duplicates);
    }
}
