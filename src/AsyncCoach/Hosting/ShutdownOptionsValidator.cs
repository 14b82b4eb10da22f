using System.Globalization;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Hosting;

/// <summary>Fails start-up with one line when <c>Shutdown:Timeout</c> cannot work.</summary>
public sealed class ShutdownOptionsValidator : IValidateOptions<ShutdownOptions>
{
    private static readonly TimeSpan Longest = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, ShutdownOptions options) =>
        options.Timeout <= TimeSpan.Zero || options.Timeout > Longest
            ? ValidateOptionsResult.Fail(string.Create(CultureInfo.InvariantCulture,
                $"Shutdown:Timeout must be more than 0 and at most 00:10:00, not {options.Timeout}; set Shutdown__Timeout, e.g. 00:00:25."))
            : ValidateOptionsResult.Success;

    /// <summary>
    /// Sets the host's shutdown timeout from <c>Shutdown:Timeout</c>. The host reads its options
    /// while it is built, before start-up validation can name a bad key in one line; so a value
    /// that cannot work is left to that validation (which stops the start) instead of thrown here.
    /// </summary>
    public static void ApplyTo(HostOptions host, IConfiguration configuration)
    {
        try
        {
            if (configuration.GetSection(ShutdownOptions.Section).Get<ShutdownOptions>() is { Timeout: var timeout }
                && timeout > TimeSpan.Zero && timeout <= Longest)
            {
                host.ShutdownTimeout = timeout;
            }
            else
            {
                host.ShutdownTimeout = new ShutdownOptions().Timeout;
            }
        }
        catch (InvalidOperationException)
        {
            // Not a TimeSpan: the binding at start names the key.
        }
    }
}
