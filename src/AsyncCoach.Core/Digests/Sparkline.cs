namespace AsyncCoach.Core.Digests;

/// <summary>A text sparkline (▁▂▃▅▇), scaled to the largest value; a week without data is "·".</summary>
public static class Sparkline
{
    private const string Levels = "▁▂▃▅▇";

    public static string Render(IReadOnlyList<int?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var max = 0;
        foreach (var value in values)
        {
            max = Math.Max(max, value ?? 0);
        }

        return string.Create(values.Count, (values, max), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.values[i] switch
                {
                    null => '·',
                    <= 0 => Levels[0],
                    // Any finding shows above the baseline; the largest reaches the top.
                    { } v => Levels[Math.Clamp((int)Math.Ceiling(v * (Levels.Length - 1.0) / state.max), 1, Levels.Length - 1)],
                };
            }
        });
    }
}
