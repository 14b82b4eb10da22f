using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Norms;
using AsyncCoach.Core.Rules;
using AsyncCoach.Core.Tracking;

namespace AsyncCoach.Cli;

/// <summary>
/// <c>asynccoach check "text" [options]</c>: runs one message through the rules and prints the
/// findings and the nudge its author would get. The text is evaluated in memory and never echoed
/// (except, with <c>--explain</c>, the model's deciding words on the caller's own terminal).
/// Exit codes: 0 no findings, 1 findings, 2 bad usage.
/// </summary>
public static partial class CheckCommand
{
    private static readonly Argument<string[]> Text = new("message")
    {
        Description = "The message, as one quoted argument. Use Slack markup for mentions: <@U2>, <!here>, <!channel>.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<ConversationKind?> ChannelType = new("--channel-type")
    {
        Description = "Where the message is posted. Default: im (a DM).",
        HelpName = "im|mpim|channel|group",
        CustomParser = r => ConversationKinds.Parse(r.Tokens[0].Value) is { } kind && kind != ConversationKind.AppHome
            ? kind
            : Error<ConversationKind?>(r, $"option --channel-type: \"{r.Tokens[0].Value}\" is not one of im, mpim, channel, group"),
    };

    private static readonly Option<DateTimeOffset?> At = new("--at")
    {
        Description = "When it is sent, e.g. 2026-03-10T22:05:00Z (no offset means UTC). Default: now.",
        HelpName = "ISO 8601 instant",
        CustomParser = r => DateTimeOffset.TryParse(r.Tokens[0].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant.ToUniversalTime()
            : Error<DateTimeOffset?>(r, $"option --at: \"{r.Tokens[0].Value}\" is not an ISO 8601 date and time such as 2026-03-10T22:05:00Z"),
    };

    private static readonly Option<string?> RecipientZone = new("--recipient-tz")
    {
        Description = "Time zone of the recipients (the DM partner, mentioned people, the channel), e.g. Europe/Berlin. " +
            "Default: none; unknown zones count as working hours, so after-hours-ping cannot fire.",
        HelpName = "IANA zone",
        CustomParser = r => TimeZoneInfo.TryFindSystemTimeZoneById(r.Tokens[0].Value, out _)
            ? r.Tokens[0].Value
            : Error<string?>(r, $"option --recipient-tz: unknown time zone \"{r.Tokens[0].Value}\" (use an IANA id such as Europe/Berlin)"),
    };

    private static readonly Option<int?> Members = new("--members")
    {
        Description = "Human members of the conversation, for broadcast-overuse (fires from 20). Default: 2 for im, 3 for mpim, 50 for channel and group.",
        HelpName = "n",
        CustomParser = r => int.TryParse(r.Tokens[0].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1
            ? count
            : Error<int?>(r, $"option --members: \"{r.Tokens[0].Value}\" is not a positive whole number"),
    };

    private static readonly Option<string?> Json = new("--format")
    {
        Description = "Output format. Default: text.",
        HelpName = "text|json",
        CustomParser = r => r.Tokens[0].Value is "text" or "json"
            ? r.Tokens[0].Value
            : Error<string?>(r, $"option --format: \"{r.Tokens[0].Value}\" is not one of text, json"),
    };

    private static readonly Option<bool> Explain = new("--explain")
    {
        Description = "For a missing-context finding made by the learned model, print the features that decided it "
            + "(words and letter runs of the message, shown only on this terminal, never stored).",
    };

    private static readonly UserId Author = new("U0AUTHOR");
    private static readonly UserId Recipient = new("U0RECIPIENT");

    /// <summary>The verb; <paramref name="time"/> gives the default <c>--at</c>.</summary>
    public static Command Create(TimeProvider time)
    {
        var command = new Command("check", """
            Runs one message through the AsyncCoach rules and prints the findings and the nudge its
            author would get. The message is judged on its own: a bare greeting gets its
            missing-context nudge as if no follow-up came within the grace window. Team norms are the
            defaults of RULES.md (Mon-Fri 09:00-17:00).
            Exit codes: 0 no findings, 1 findings, 2 bad usage.
            """)
        {
            Text, ChannelType, At, RecipientZone, Members, Json, Explain,
        };
        CliInvocation.RejectUnknownOptions(Text);
        command.SetAction(result => Run(result, time));
        return command;
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, TimeProvider.System);

    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider time) =>
        CliInvocation.Invoke(Create(time), args, stdout, stderr);

    private static int Run(ParseResult result, TimeProvider time)
    {
        var (stdout, stderr) = (result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
        var words = result.GetValue(Text) ?? [];
        if (words.Length > 1)
        {
            return CliInvocation.UsageError("check", $"unexpected argument \"{Shorten(words[1])}\": pass the message text as one quoted argument", stderr);
        }

        if (words.Length == 0 || string.IsNullOrWhiteSpace(words[0]))
        {
            return CliInvocation.UsageError("check", "missing message text: asynccoach check \"hey <@U2> got a minute?\"", stderr);
        }

        var kind = result.GetValue(ChannelType) ?? ConversationKind.Im;
        var defaultMembers = kind switch { ConversationKind.Im => 2, ConversationKind.Mpim => 3, _ => 50 };
        var options = new CheckOptions(words[0], kind, result.GetValue(At) ?? time.GetUtcNow(), result.GetValue(RecipientZone),
            result.GetValue(Members) ?? defaultMembers, result.GetValue(Json) == "json", result.GetValue(Explain));
        var findings = Evaluate(options);
        if (options.Json)
        {
            WriteJson(stdout, options, findings);
        }
        else
        {
            WriteText(stdout, options, findings);
        }

        return findings.Count == 0 ? 0 : 1;
    }

    private static T Error<T>(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return default!;
    }

    // An unexpected argument is shown back shortened: it may be message text.
    private static string Shorten(string arg) => arg.Length <= 20 ? arg : arg[..20] + "…";

    private static List<Finding> Evaluate(CheckOptions options)
    {
        var (message, context) = Build(options);
        var tracker = new ConversationTracker(RuleEngine.CreateDefault());
        List<Finding> findings = [.. tracker.Observe(message, context)];
        findings.AddRange(tracker.Flush()); // judged alone: no follow-up arrives within the grace window
        return [.. findings.OrderBy(f => RuleIds.All.ToList().IndexOf(f.RuleId))];
    }

    private static (ChatMessage Message, MessageContext Context) Build(CheckOptions options)
    {
        var mentioned = AsyncCoach.Core.Text.MessageText.ParseMentions(options.Text).Users;
        var others = mentioned.Where(u => u != Author && u != Recipient).ToList();

        // In a DM the person mentioned is the DM partner; elsewhere a stand-in recipient represents the rest.
        List<UserId> members = options.Kind == ConversationKind.Im && others.Count > 0
            ? [Author, .. others]
            : [Author, Recipient, .. others];
        var people = members.ToDictionary(u => u, u => new Person(u, u == Author ? null : options.RecipientZone));
        var channel = new ChannelId(options.Kind.IsDirect() ? "D0CHECK" : "C0CHECK");
        var context = new MessageContext(new Conversation(channel, options.Kind, members, options.Members), people, TeamNorms.Default);
        return (new ChatMessage(new TeamId("T0CHECK"), channel, options.Kind, Author, MessageTs.FromInstant(options.At), null, options.Text), context);
    }

    private static void WriteText(TextWriter stdout, CheckOptions options, List<Finding> findings)
    {
        var zone = options.RecipientZone ?? "unknown (pass --recipient-tz to check after-hours-ping)";
        stdout.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Checked as {Describe(options.Kind)} sent at {options.At:yyyy-MM-dd'T'HH:mm:ss'Z'} with {options.Members} members; recipient time zone: {zone}."));
        if (findings.Count == 0)
        {
            stdout.WriteLine("No findings: this message reads async-friendly.");
            return;
        }

        stdout.WriteLine(findings.Count == 1 ? "1 finding:" : $"{findings.Count} findings:");
        foreach (var finding in findings)
        {
            stdout.WriteLine();
            stdout.WriteLine(finding.RuleId);
            stdout.WriteLine($"  evidence: {Readable(string.Join("; ", finding.Evidence))}");
            stdout.WriteLine($"  nudge:    {Readable(finding.Suggestion)}");
            if (Deciding(options, finding) is { } features)
            {
                stdout.WriteLine($"  model:    {string.Join("; ", features)}");
            }
        }
    }

    private static void WriteJson(TextWriter stdout, CheckOptions options, List<Finding> findings)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("channel_type", options.Kind.ToSlack());
            json.WriteString("at", options.At.ToUniversalTime());
            json.WriteNumber("members", options.Members);
            json.WriteString("recipient_time_zone", options.RecipientZone);
            json.WriteStartArray("findings");
            foreach (var finding in findings)
            {
                json.WriteStartObject();
                json.WriteString("rule", finding.RuleId);
                json.WriteStartArray("evidence");
                finding.Evidence.ToList().ForEach(e => json.WriteStringValue(Readable(e)));
                json.WriteEndArray();
                json.WriteString("nudge", Readable(finding.Suggestion));
                if (Deciding(options, finding) is { } features)
                {
                    json.WriteStartArray("model_features");
                    foreach (var feature in features)
                    {
                        json.WriteStringValue(feature);
                    }

                    json.WriteEndArray();
                }
                json.WriteStartArray("off_hours_recipients");
                foreach (var recipient in finding.OffHoursRecipients)
                {
                    json.WriteStartObject();
                    json.WriteString("user", Readable(recipient.User.Value));
                    json.WriteString("time_zone", recipient.TimeZoneId);
                    json.WriteString("local_time", recipient.LocalTime);
                    if (recipient.NextWorkStart is { } next)
                    {
                        json.WriteString("next_work_start", next);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static string Describe(ConversationKind kind) => kind switch
    {
        ConversationKind.Im => "a DM (im)",
        ConversationKind.Mpim => "a group DM (mpim)",
        ConversationKind.Group => "a private channel message (group)",
        _ => "a channel message (channel)",
    };

    // The synthetic ids mean nothing to a person at a terminal.
    private static string Readable(string text) =>
        MentionPattern().Replace(text.Replace(Recipient.Value, "recipient", StringComparison.Ordinal), m => "@" + m.Groups[1].Value);

    [GeneratedRegex("<@([A-Za-z0-9]+)>")]
    private static partial Regex MentionPattern();

    // The model's deciding features for a finding it made (--explain), else null: the grammars'
    // findings (and the huddle grammar's findings the model kept) are explained by their evidence already.
    private static IReadOnlyList<string>? Deciding(CheckOptions options, Finding finding)
    {
        if (!options.Explain)
        {
            return null;
        }

        if (finding.RuleId == RuleIds.MissingContext && finding.Evidence.Contains(MissingContextRule.ModelEvidence))
        {
            return NakedModel.Default.Explain(options.Text, options.Kind);
        }

        if (finding.RuleId == RuleIds.HuddleInsteadOfThread && finding.Evidence.Contains(HuddleInsteadOfThreadRule.ModelEvidence))
        {
            var (message, context) = Build(options);
            return HuddleModelTrainer.Explain(HuddleModel.Default, message, context);
        }

        return null;
    }

    private sealed record CheckOptions(string Text, ConversationKind Kind, DateTimeOffset At, string? RecipientZone, int Members, bool Json, bool Explain);
}
