namespace AsyncCoach.AppHome;

/// <summary>A text sparkline (▁▂▃▄▅▆▇█), each value scaled to the largest; all zero is a flat line.</summary>
public static class Sparkline
{
    private const string Bars = "▁▂▃▄▅▆▇█";

    public static string Of(IReadOnlyList<long> values)
    {
        var max = values.Count == 0 ? 0 : values.Max();
        return string.Concat(values.Select(v => max <= 0 || v <= 0 ? Bars[0] : Bars[(int)Math.Round((double)v / max * (Bars.Length - 1))]));
    }

    /// <summary>The change from the previous value: ▲2, ▼1 or "no change".</summary>
    public static string Change(long previous, long current) => (current - previous) switch
    {
        > 0 and var up => $"▲{up}",
        < 0 and var down => $"▼{-down}",
        _ => "no change",
    };
}
