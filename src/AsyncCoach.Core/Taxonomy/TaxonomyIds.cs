namespace AsyncCoach.Core.Taxonomy;

/// <summary>The stable ids of TAXONOMY.md: tiers, modes and modifiers.</summary>
public static class TaxonomyIds
{
    public const string Inform = "inform";
    public const string Ask = "ask";
    public const string Review = "review";
    public const string Decide = "decide";
    public const string Create = "create";
    public const string Connect = "connect";
    public const string Unclear = "unclear";

    public const string Async = "async";
    public const string Blended = "blended";
    public const string Sync = "sync";

    public const string TimeCritical = "time-critical";
    public const string Sensitive = "sensitive";
    public const string ManyStakeholders = "many-stakeholders";

    /// <summary>Tier ids in ladder order: index 0 is tier 1.</summary>
    public static IReadOnlyList<string> Tiers { get; } = [Inform, Ask, Review, Decide, Create, Connect];

    /// <summary>Modifier ids in the order they are reported (also their precedence).</summary>
    public static IReadOnlyList<string> AllModifiers { get; } = [TimeCritical, Sensitive, ManyStakeholders];

    public static int? TierOf(string id) => id switch
    {
        Inform => 1,
        Ask => 2,
        Review => 3,
        Decide => 4,
        Create => 5,
        Connect => 6,
        _ => null,
    };
}
