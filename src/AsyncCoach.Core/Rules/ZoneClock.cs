using System.Collections.Concurrent;

namespace AsyncCoach.Core.Rules;

/// <summary>
/// Time zones by IANA id, looked up once, with the UTC offsets of recent 15-minute slots
/// remembered per zone: messages arrive in time order, so converting an instant is usually a
/// comparison instead of a walk through the zone's adjustment rules. Several slots, not only the
/// last: an audit's workers walk different conversations through different times at once, and
/// with one slot per zone they kept replacing each other's.
/// </summary>
internal static class ZoneClock
{
    private const long SlotTicks = TimeSpan.TicksPerMinute * 15;
    private static readonly ConcurrentDictionary<string, Entry?> Zones = new(StringComparer.Ordinal);

    public static Entry? Find(string? id) =>
        id is null ? null : Zones.GetOrAdd(id, static key => TimeZoneInfo.TryFindSystemTimeZoneById(key, out var zone) ? new Entry(zone) : null);

    internal sealed class Entry(TimeZoneInfo zone)
    {
        private const int Slots = 64; // a power of two: a slot's cell is its index's low bits

        private readonly Slot?[] _slots = new Slot?[Slots];

        public TimeZoneInfo Zone { get; } = zone;

        public DateTimeOffset ToLocal(DateTimeOffset instant)
        {
            var slot = instant.UtcTicks / SlotTicks;
            ref var cell = ref _slots[(int)(slot & (Slots - 1))];
            var last = Volatile.Read(ref cell);
            if (last is not null && last.Index == slot)
            {
                return instant.ToOffset(last.Offset);
            }

            var offset = Zone.GetUtcOffset(instant);
            var start = new DateTimeOffset(slot * SlotTicks, TimeSpan.Zero);
            if (Zone.GetUtcOffset(start) == offset && Zone.GetUtcOffset(start.AddTicks(SlotTicks - 1)) == offset)
            {
                Volatile.Write(ref cell, new Slot(slot, offset)); // a slot that straddles a transition is never cached
            }

            return instant.ToOffset(offset);
        }
    }

    private sealed record Slot(long Index, TimeSpan Offset);
}
