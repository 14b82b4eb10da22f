using System.Globalization;
using AsyncCoach.Inbox;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Hosting;

/// <summary>Fails start-up with one line naming the inbox setting that cannot work.</summary>
public sealed class InboxOptionsValidator : IValidateOptions<InboxOptions>
{
    public ValidateOptionsResult Validate(string? name, InboxOptions options)
    {
        string? failure = options switch
        {
            { BatchSize: < 1 } => $"Inbox:BatchSize must be at least 1, not {options.BatchSize}; set Inbox__BatchSize, e.g. 256.",
            { PollInterval: var poll } when poll <= TimeSpan.Zero =>
                $"Inbox:PollInterval must be positive, not {poll}; set Inbox__PollInterval, e.g. 00:00:01.",
            { CoalesceWindow: var window } when window < TimeSpan.Zero =>
                $"Inbox:CoalesceWindow cannot be negative ({window}); set Inbox__CoalesceWindow, e.g. 00:00:00.005, or 00:00:00 to turn it off.",
            { ProcessorNice: < 0 or > BackgroundThread.LowestNice } =>
                $"Inbox:ProcessorNice must be from 0 to {BackgroundThread.LowestNice}, not {options.ProcessorNice}; set Inbox__ProcessorNice, e.g. 10, or 0 to run processing at the service's priority.",
            { KeepProcessedFor: var keep } when keep < InboxOptions.MinimumKeep => TooShort("KeepProcessedFor", keep, "2.00:00:00"),
            { KeepFailedFor: var keep } when keep < InboxOptions.MinimumKeep => TooShort("KeepFailedFor", keep, "7.00:00:00"),
            _ => null,
        };
        return failure is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failure);
    }

    private static string TooShort(string key, TimeSpan value, string example) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Inbox:{key} must be at least {InboxOptions.MinimumKeep} (Slack retries a delivery for 5 minutes, and the stored event_id is what makes a retry a no-op), not {value}; set Inbox__{key}, e.g. {example}.");
}
