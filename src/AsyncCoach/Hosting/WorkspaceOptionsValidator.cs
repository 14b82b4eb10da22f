using System.Globalization;
using AsyncCoach.Workspace;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Hosting;

/// <summary>Fails start-up with one line naming the workspace setting that cannot work.</summary>
public sealed class WorkspaceOptionsValidator : IValidateOptions<WorkspaceOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkspaceOptions options)
    {
        string? failure = options switch
        {
            { MaxPeople: < 1 } => AtLeastOne("MaxPeople", options.MaxPeople, "100000"),
            { MaxConversations: < 1 } => AtLeastOne("MaxConversations", options.MaxConversations, "10000"),
            { LookAheadWindow: < 1 } => AtLeastOne("LookAheadWindow", options.LookAheadWindow, "1024"),
            { CallsInFlightPerMethod: < 1 } => AtLeastOne("CallsInFlightPerMethod", options.CallsInFlightPerMethod, "4"),
            { Tier4PerMinute: < 1 } => AtLeastOne("Tier4PerMinute", options.Tier4PerMinute, "100"),
            { Tier2PerMinute: < 1 } => AtLeastOne("Tier2PerMinute", options.Tier2PerMinute, "20"),
            { UsersListPageSize: < 1 or > 1000 } =>
                Invariant($"Workspace:UsersListPageSize must be from 1 to 1000 (Slack's limit), not {options.UsersListPageSize}; set Workspace__UsersListPageSize, e.g. 200."),
            { PeopleTtl: var ttl } when ttl <= TimeSpan.Zero => NotPositive("PeopleTtl", ttl, "12:00:00"),
            { ConversationTtl: var ttl } when ttl <= TimeSpan.Zero => NotPositive("ConversationTtl", ttl, "01:00:00"),
            { FailedLookupTtl: var ttl } when ttl <= TimeSpan.Zero => NotPositive("FailedLookupTtl", ttl, "00:01:00"),
            { MaxLookupWait: var wait } when wait < TimeSpan.Zero =>
                Invariant($"Workspace:MaxLookupWait cannot be negative ({wait}); set Workspace__MaxLookupWait, e.g. 00:00:30."),
            _ => null,
        };
        return failure is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failure);
    }

    private static string AtLeastOne(string key, int value, string example) =>
        Invariant($"Workspace:{key} must be at least 1, not {value}; set Workspace__{key}, e.g. {example}.");

    private static string NotPositive(string key, TimeSpan value, string example) =>
        Invariant($"Workspace:{key} must be positive, not {value}; set Workspace__{key}, e.g. {example}.");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
