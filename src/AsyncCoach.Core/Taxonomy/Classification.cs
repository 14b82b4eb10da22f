namespace AsyncCoach.Core.Taxonomy;

/// <summary>
/// Where a task sits on the taxonomy ladder (TAXONOMY.md) and what to do about it.
/// <see cref="Tier"/> and <see cref="Mode"/> are null when the text carries no usable cue
/// (<see cref="Id"/> is then <c>unclear</c> and <see cref="Confidence"/> is 0).
/// </summary>
public sealed record Classification(
    int? Tier,
    string Id,
    string? Mode,
    IReadOnlyList<string> Modifiers,
    double Confidence,
    IReadOnlyList<string> Why,
    string NextStep)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsUnclear => Tier is null;
}
