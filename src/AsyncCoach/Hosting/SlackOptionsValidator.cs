using AsyncCoach.Slack;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Hosting;

/// <summary>Fails start-up with one line that names the missing key and how to set it.</summary>
public sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        // In Socket Mode (an app-level token) nothing arrives over HTTP, so nothing needs verifying.
        if (string.IsNullOrWhiteSpace(options.SigningSecret) && string.IsNullOrWhiteSpace(options.AppToken))
        {
            return ValidateOptionsResult.Fail(
                "Slack:SigningSecret is not set. Set the environment variable Slack__SigningSecret, or Slack:SigningSecret in appsettings.json " +
                "(Slack app settings > Basic Information > App Credentials > Signing Secret), or set Slack__AppToken to use Socket Mode.");
        }

        if (!options.ApiBaseUrl.IsAbsoluteUri || options.ApiBaseUrl.Scheme is not ("http" or "https"))
        {
            return ValidateOptionsResult.Fail($"Slack:ApiBaseUrl must be an absolute http(s) URL, not '{options.ApiBaseUrl}'.");
        }

        return ValidateOptionsResult.Success;
    }
}
