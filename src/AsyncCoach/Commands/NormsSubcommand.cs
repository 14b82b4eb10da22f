using System.Text.Json.Nodes;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Norms;
using AsyncCoach.Core.Rules;
using AsyncCoach.Core.Text;
using AsyncCoach.Installations;
using AsyncCoach.Norms;
using AsyncCoach.Slack.Commands;
using AsyncCoach.Storage;
using AsyncCoach.Workspace;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Commands;

/// <summary>
/// <c>/async norms</c> (anyone: the norms in plain words) and <c>norms set|unset|exempt|unexempt|unlearn</c>
/// (the team's leads and workspace admins only). A change is stored, and cached, before the reply,
/// so the next message the rules see uses it.
/// </summary>
public sealed class NormsSubcommand(
    INormsStore store, IPhraseFeedbackStore phraseFeedback, IWorkspaceDirectory directory, IOptions<RetentionOptions> retention)
{
    private const string ExemptExample = "/async norms exempt #incidents (pick the channel from Slack's # autocomplete, or run it inside that channel)";

    public async Task<CommandReply> HandleAsync(SlashCommand command, string args, CancellationToken cancellationToken)
    {
        var (verb, rest) = CommandText.Split(args);
        var norms = await store.GetAsync(command.TeamId, cancellationToken);
        if (verb.Length == 0)
        {
            return CommandReply.Ephemeral(NormsDescription.Describe(norms, retention.Value.DataDays));
        }

        if (verb is not ("set" or "unset" or "exempt" or "unexempt" or "unlearn"))
        {
            return CommandReply.Ephemeral($"\"{verb}\" is not a norms command. Try `/async norms`, `/async norms set broadcast_threshold 30` or `{ExemptExample}`.");
        }

        if (!await MayChangeAsync(command, norms, cancellationToken))
        {
            return CommandReply.Ephemeral(Refusal(norms));
        }

        return verb switch
        {
            "set" => await SetAsync(command, rest, cancellationToken),
            "unset" => await UnsetAsync(command, rest, cancellationToken),
            "unlearn" => await UnlearnAsync(command, norms, rest, cancellationToken),
            _ => await ExemptAsync(command, norms, rest, exempt: verb == "exempt", cancellationToken),
        };
    }

    private async Task<bool> MayChangeAsync(SlashCommand command, TeamNorms norms, CancellationToken cancellationToken) =>
        norms.Leads.Contains(command.UserId)
        || (await directory.GetPersonAsync(new TeamId(command.TeamId), new UserId(command.UserId), cancellationToken))?.IsAdmin == true;

    private static string Refusal(TeamNorms norms) => norms.Leads.Count == 0
        ? "Sorry, only workspace admins can change the team's norms while no leads are set. An admin can name leads with `/async norms set leads @ana @bo`. Anyone can read them with `/async norms`."
        : $"Sorry, only the team's leads ({string.Join(", ", norms.Leads.Order(StringComparer.Ordinal).Select(u => $"<@{u}>"))}) and workspace admins can change the norms. Anyone can read them with `/async norms`.";

    private async Task<CommandReply> SetAsync(SlashCommand command, string args, CancellationToken cancellationToken)
    {
        var (key, value) = CommandText.Split(args);
        key = key.ToLowerInvariant();
        if (key.Length == 0 || value.Length == 0)
        {
            return CommandReply.Ephemeral(key.Length == 0 || !NormsValues.IsKnown(key)
                ? $"Tell me the key and the value. Example: /async norms set broadcast_threshold 30 (keys: {string.Join(", ", NormsValues.Keys)})"
                : $"Tell me the value too. Example: {NormsValues.Example(key)}");
        }

        if (!NormsValues.TryConvert(key, value, out var json, out var error))
        {
            return CommandReply.Ephemeral(error);
        }

        return await SaveAsync(command, key, json, $"Done: {key} is now {Shown(key, json)}.", cancellationToken);
    }

    private async Task<CommandReply> UnsetAsync(SlashCommand command, string args, CancellationToken cancellationToken)
    {
        var key = args.Trim().ToLowerInvariant();
        if (!NormsValues.IsKnown(key))
        {
            return CommandReply.Ephemeral($"\"{key}\" is not a norm I know. Keys: {string.Join(", ", NormsValues.Keys)}. Example: /async norms unset broadcast_threshold");
        }

        return await SaveAsync(command, key, null, $"Done: {key} is back to its default.", cancellationToken);
    }

    private async Task<CommandReply> ExemptAsync(SlashCommand command, TeamNorms norms, string args, bool exempt, CancellationToken cancellationToken)
    {
        var target = args.Trim();
        var channel = target.Length == 0 ? command.ChannelId
            : SlackText.ChannelId(target)
            ?? (command.ChannelName is { } name && target.TrimStart('#').Equals(name, StringComparison.OrdinalIgnoreCase) ? command.ChannelId : null);
        if (channel is null)
        {
            return CommandReply.Ephemeral($"I can't tell which channel \"{SlackText.Plain(target)}\" is from its name alone. Example: {ExemptExample}");
        }

        var channels = new SortedSet<string>(norms.ExemptChannels, StringComparer.Ordinal);
        var changed = exempt ? channels.Add(channel) : channels.Remove(channel);
        if (!changed)
        {
            return CommandReply.Ephemeral(exempt ? $"<#{channel}> is already exempt." : $"<#{channel}> wasn't exempt.");
        }

        JsonNode? json = channels.Count == 0 ? null : new JsonArray([.. channels.Select(c => (JsonNode?)JsonValue.Create(c))]);
        return await SaveAsync(command, "exempt_channels", json, exempt
            ? $"Done: no rule fires in <#{channel}> from now on. `/async norms unexempt <#{channel}>` undoes it."
            : $"Done: the rules apply in <#{channel}> again.", cancellationToken);
    }

    // "/async norms unlearn vague-urgency "asap"": the phrase triggers the rule again.
    private async Task<CommandReply> UnlearnAsync(SlashCommand command, TeamNorms norms, string args, CancellationToken cancellationToken)
    {
        var (rule, rest) = CommandText.Split(args);
        var phrase = MessageText.Normalize(SlackText.Plain(rest)).Trim(); // as the evidence shows it
        if (!RuleIds.All.Contains(rule) || phrase.Length == 0)
        {
            return CommandReply.Ephemeral($"Tell me the rule and the phrase. Example: {NormsDescription.UnlearnExample(norms)}");
        }

        if (!norms.LearnedPhrases.TryGetValue(rule, out var phrases) || !phrases.Contains(phrase))
        {
            return CommandReply.Ephemeral($"{rule} hasn't learned to skip \"{SlackText.Escape(phrase)}\". `/async norms` lists what it has learned.");
        }

        await phraseFeedback.ForgetAsync(command.TeamId, rule, phrase, cancellationToken);
        store.Forget(command.TeamId);
        return CommandReply.Ephemeral($"Done: {rule} fires on \"{SlackText.Escape(phrase)}\" again, and the \"Not helpful here\" marks on it are forgotten.");
    }

    private async Task<CommandReply> SaveAsync(SlashCommand command, string key, JsonNode? value, string done, CancellationToken cancellationToken)
    {
        try
        {
            await store.SetAsync(command.TeamId, key, value, command.UserId, cancellationToken);
            return CommandReply.Ephemeral(done);
        }
        catch (NormsFormatException ex)
        {
            return CommandReply.Ephemeral($"That value doesn't work: {ex.Message} Example: {NormsValues.Example(key)}");
        }
    }

    private static string Shown(string key, JsonNode? json) => json switch
    {
        JsonArray array when key == "leads" => string.Join(", ", array.Select(n => $"<@{n}>")),
        JsonArray array => string.Join(", ", array.Select(n => SlackText.Escape(n?.ToString() ?? ""))),
        JsonValue v when v.TryGetValue<string>(out var s) => SlackText.Escape(s),
        _ => json?.ToJsonString() ?? "unset",
    };
}
