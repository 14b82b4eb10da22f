using System.Globalization;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Installations;

/// <summary>
/// Retention settings that would delete what must be kept (a negative period deletes everything at
/// the next pass) stop the service at start, naming the key.
/// </summary>
public sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    /// <summary>The shortest period for data a weekly digest reads (the same floor as the <c>retention_days</c> norm).</summary>
    public const int MinimumDataDays = 7;

    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        string? failure = options switch
        {
            { UninstalledTeamDays: < 0 } => Negative("UninstalledTeamDays", options.UninstalledTeamDays, "30, or 0 to delete at once"),
            { DataDays: < MinimumDataDays } => TooShort("DataDays", options.DataDays, "180"),
            { CounterDays: < MinimumDataDays } => TooShort("CounterDays", options.CounterDays, "730"),
            { DryRunCallDays: < 0 } => Negative("DryRunCallDays", options.DryRunCallDays, "7"),
            { Interval: var interval } when interval <= TimeSpan.Zero =>
                $"Retention:Interval must be positive, not {interval}; set Retention__Interval, e.g. 1.00:00:00.",
            _ => null,
        };
        return failure is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failure);
    }

    private static string Negative(string key, int value, string example) =>
        string.Create(CultureInfo.InvariantCulture, $"Retention:{key} cannot be negative ({value}); set Retention__{key}, e.g. {example}.");

    private static string TooShort(string key, int value, string example) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Retention:{key} must be at least {MinimumDataDays} days (a weekly digest reads the last week), not {value}; set Retention__{key}, e.g. {example}.");
}
