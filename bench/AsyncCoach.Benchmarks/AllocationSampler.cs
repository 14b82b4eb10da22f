using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace AsyncCoach.Benchmarks;

/// <summary>
/// Counts the runtime's allocation samples (one per ~100 KB allocated, named by type) while
/// enabled: which types a workload allocates most, without a profiler.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly ConcurrentDictionary<string, long> _bytes = new();

    public bool Recording { get; set; }

    public IEnumerable<(string Type, long Bytes)> Top(int count) =>
        _bytes.OrderByDescending(p => p.Value).Take(count).Select(p => (p.Key, p.Value));

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: AllocationTick
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (Recording && eventData.EventName == "GCAllocationTick_V4" && eventData.Payload is { } payload)
        {
            var type = payload[eventData.PayloadNames!.IndexOf("TypeName")] as string ?? "?";
            var size = Convert.ToInt64(payload[eventData.PayloadNames!.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
            _bytes.AddOrUpdate(type, size, (_, total) => total + size);
        }
    }
}
