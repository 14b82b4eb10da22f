using Microsoft.Extensions.Options;

namespace AsyncCoach.AppHome;

/// <summary>The Home tab (<c>AppHome</c> section).</summary>
public sealed class HomeOptions
{
    public const string Section = "AppHome";

    /// <summary>Opening the tab again within this long publishes nothing new (a change always does).</summary>
    public TimeSpan CoalesceWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A publish that could not be sent within this long is dropped: the next opening asks again.</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>Fails start-up with one line naming the Home tab setting that cannot work.</summary>
public sealed class HomeOptionsValidator : IValidateOptions<HomeOptions>
{
    public ValidateOptionsResult Validate(string? name, HomeOptions options)
    {
        string? failure = options switch
        {
            { CoalesceWindow: var window } when window < TimeSpan.Zero =>
                $"AppHome:CoalesceWindow cannot be negative ({window}); set AppHome__CoalesceWindow, e.g. 00:00:01, or 00:00:00 to publish on every opening.",
            { Expiry: var expiry } when expiry <= TimeSpan.Zero =>
                $"AppHome:Expiry must be positive, not {expiry}; set AppHome__Expiry, e.g. 00:10:00.",
            _ => null,
        };
        return failure is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failure);
    }
}
