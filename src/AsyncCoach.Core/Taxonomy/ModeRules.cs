namespace AsyncCoach.Core.Taxonomy;

/// <summary>
/// The mode computation of TAXONOMY.md: the tier's mode, then in order of precedence
/// time-critical → sync, else sensitive (1–5 blended, 6 sync), else many-stakeholders
/// (4–5 async with a deadline, others unchanged).
/// </summary>
public static class ModeRules
{
    public static string TierMode(int tier) => tier switch
    {
        >= 1 and <= 3 => TaxonomyIds.Async,
        4 or 5 => TaxonomyIds.Blended,
        6 => TaxonomyIds.Sync,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Tiers run from 1 to 6."),
    };

    public static string Compute(int tier, IReadOnlyCollection<string> modifiers)
    {
        if (modifiers.Contains(TaxonomyIds.TimeCritical))
        {
            return TaxonomyIds.Sync;
        }

        if (modifiers.Contains(TaxonomyIds.Sensitive))
        {
            return tier == 6 ? TaxonomyIds.Sync : TaxonomyIds.Blended;
        }

        if (modifiers.Contains(TaxonomyIds.ManyStakeholders) && tier is 4 or 5)
        {
            return TaxonomyIds.Async;
        }

        return TierMode(tier);
    }
}
