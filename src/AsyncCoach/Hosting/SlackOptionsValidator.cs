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

        return ValidateOAuth(options);
    }

    // The install flow needs all three keys; any one set without the others is a mistake to name.
    private static ValidateOptionsResult ValidateOAuth(SlackOptions options)
    {
        if (!options.HasOAuth)
        {
            return ValidateOptionsResult.Success;
        }

        (string Key, bool Missing)[] keys =
        [
            ("Slack:ClientId", string.IsNullOrWhiteSpace(options.ClientId)),
            ("Slack:ClientSecret", string.IsNullOrWhiteSpace(options.ClientSecret)),
            ("Slack:RedirectUri", options.RedirectUri is null),
        ];
        if (keys.FirstOrDefault(k => k.Missing) is { Key: { } missing })
        {
            return ValidateOptionsResult.Fail(
                $"{missing} is not set. The OAuth install needs Slack:ClientId, Slack:ClientSecret and Slack:RedirectUri together " +
                "(Slack app settings > Basic Information > App Credentials; the redirect URL is this service's https://…/slack/oauth/callback, " +
                "also listed under OAuth & Permissions > Redirect URLs).");
        }

        if (options.RedirectUri is { } redirect
            && (!redirect.IsAbsoluteUri || !(redirect.Scheme == "https" || (redirect.Scheme == "http" && redirect.IsLoopback))))
        {
            return ValidateOptionsResult.Fail(
                $"Slack:RedirectUri must be an absolute https URL (Slack requires HTTPS; http only on localhost), not '{redirect}'.");
        }

        return ValidateOptionsResult.Success;
    }
}
