using AsyncCoach.Slack;
using Microsoft.Extensions.Options;

namespace AsyncCoach.SocketMode;

/// <summary>Fails start-up with one line naming the Socket Mode setting that cannot work.</summary>
public sealed class SocketModeOptionsValidator : IValidateOptions<SocketModeOptions>, IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options) =>
        options.AppToken is { } token && !string.IsNullOrWhiteSpace(token) && !token.StartsWith("xapp-", StringComparison.Ordinal)
            ? ValidateOptionsResult.Fail(
                "Slack:AppToken must be an app-level token starting with 'xapp-' (Slack app settings > Basic Information > App-Level Tokens, scope connections:write); " +
                "set Slack__AppToken, or leave it empty to receive events over HTTP.")
            : ValidateOptionsResult.Success;

    public ValidateOptionsResult Validate(string? name, SocketModeOptions options)
    {
        string? failure = options switch
        {
            { PingInterval: var d } when d <= TimeSpan.Zero => Positive("PingInterval", d, "00:00:10"),
            { PingTimeout: var d } when d <= TimeSpan.Zero => Positive("PingTimeout", d, "00:00:10"),
            { HelloTimeout: var d } when d <= TimeSpan.Zero => Positive("HelloTimeout", d, "00:00:10"),
            { ReconnectBaseDelay: var d } when d <= TimeSpan.Zero => Positive("ReconnectBaseDelay", d, "00:00:01"),
            { ReconnectMaxDelay: var d } when d < options.ReconnectBaseDelay =>
                $"SocketMode:ReconnectMaxDelay ({d}) must not be below SocketMode:ReconnectBaseDelay ({options.ReconnectBaseDelay}); set SocketMode__ReconnectMaxDelay, e.g. 00:01:00.",
            { MaxFrameBytes: < 4096 } => $"SocketMode:MaxFrameBytes must be at least 4096, not {options.MaxFrameBytes}; set SocketMode__MaxFrameBytes, e.g. 1048576.",
            _ => null,
        };
        return failure is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failure);
    }

    private static string Positive(string key, TimeSpan value, string example) =>
        $"SocketMode:{key} must be positive, not {value}; set SocketMode__{key}, e.g. {example}.";
}
