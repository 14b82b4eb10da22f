using System.Globalization;
using AsyncCoach.Caching;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Hosting;

/// <summary>Fails start-up with one line naming the cache setting that cannot work.</summary>
public sealed class CacheOptionsValidator : IValidateOptions<CacheOptions>
{
    public ValidateOptionsResult Validate(string? name, CacheOptions options)
    {
        string? failure = options switch
        {
            { MaxPersonSettings: < 1 } => AtLeastOne("MaxPersonSettings", options.MaxPersonSettings, "100000"),
            { MaxTeams: < 1 } => AtLeastOne("MaxTeams", options.MaxTeams, "10000"),
            { MaxAge: var age } when age <= TimeSpan.Zero =>
                Invariant($"Caches:MaxAge must be positive, not {age}; set Caches__MaxAge, e.g. 00:10:00."),
            _ => null,
        };
        return failure is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failure);
    }

    private static string AtLeastOne(string key, int value, string example) =>
        Invariant($"Caches:{key} must be at least 1, not {value}; set Caches__{key}, e.g. {example}.");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
