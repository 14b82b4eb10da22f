using AsyncCoach.Inbox;
using AsyncCoach.Storage;

namespace AsyncCoach.Observability;

/// <summary>Counts each recorded round's outcomes: processed (ok or failed) and deliveries skipped as duplicates.</summary>
internal sealed class InboxMetricsObserver(AsyncCoachMetrics metrics) : IInboxObserver
{
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

        metrics.EventsProcessed(ok, failed, duplicates);
    }
}
