using AsyncCoach.Core.Norms;
using AsyncCoach.Slack.BlockKit;
using AsyncCoach.Slack.Interactivity;

namespace AsyncCoach.AppHome;

/// <summary>
/// The modal behind the Home tab's "Change" button: working hours as people type them after
/// <c>/async hours</c> (empty: the team's apply again) and an IANA time zone (empty: Slack's).
/// <see cref="Read"/> checks a submission; its errors are shown under the inputs.
/// </summary>
public static class HoursModal
{
    public const string HoursExample = "08:30-16:30 mon-thu";
    public const string ZoneExample = "Europe/Lisbon";

    /// <summary>The modal, filled with the person's own hours and zone where they set them.</summary>
    public static ModalView Build(string? hours, string? zone) => new("Your working hours",
    [
        new InputBlock("Working hours", new PlainTextInputElement(HomeActions.InputAction)
        {
            InitialValue = hours,
            Placeholder = new PlainText(HoursExample),
            MaxLength = 100,
        }, HomeActions.HoursBlock)
        {
            Optional = true,
            Hint = new PlainText("A time range, then days if not Monday to Friday: 9am-5pm, 08:30-16:30 mon-thu, 22:00-06:00 daily. Leave empty to use your team's hours."),
        },
        new InputBlock("Time zone", new PlainTextInputElement(HomeActions.InputAction)
        {
            InitialValue = zone,
            Placeholder = new PlainText(ZoneExample),
            MaxLength = 100,
        }, HomeActions.ZoneBlock)
        {
            Optional = true,
            Hint = new PlainText("An IANA zone such as Europe/Lisbon or America/New_York. Leave empty to use your Slack time zone."),
        },
    ])
    {
        CallbackId = HomeActions.HoursModal,
        Submit = new PlainText("Save"),
        Close = new PlainText("Cancel"),
    };

    /// <summary>
    /// Reads a submission: the hours (null: none of their own) and zone (null: Slack's), or the
    /// errors to show, keyed by input block. A zone typed into the hours field is taken too.
    /// </summary>
    public static HoursSubmission Read(ViewSubmissionPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var hoursText = payload.Value(HomeActions.HoursBlock, HomeActions.InputAction)?.Value?.Trim();
        var zoneText = payload.Value(HomeActions.ZoneBlock, HomeActions.InputAction)?.Value?.Trim();
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);

        string? zone = null;
        if (!string.IsNullOrEmpty(zoneText) && !HoursInputParser.TryFindZone(zoneText, out zone))
        {
            errors[HomeActions.ZoneBlock] = $"\"{zoneText}\" is not a time zone I know. Use an IANA name, for example {ZoneExample}.";
        }

        WorkingHours? hours = null;
        if (!string.IsNullOrEmpty(hoursText))
        {
            if (HoursInputParser.TryParse(hoursText, out var input, out var error))
            {
                hours = input!.Hours;
                zone ??= errors.ContainsKey(HomeActions.ZoneBlock) ? null : input.TimeZoneId;
            }
            else
            {
                errors[HomeActions.HoursBlock] = ForModal(error);
            }
        }

        return errors.Count > 0 ? new HoursSubmission(null, null, errors) : new HoursSubmission(hours, zone, null);
    }

    // The parser's messages end with a slash-command example; in the modal the example is the field's.
    private static string ForModal(string error)
    {
        var cut = error.IndexOf(" Try:", StringComparison.Ordinal);
        var reason = (cut >= 0 ? error[..cut] : error).Replace(", for example: " + HoursInputParser.Example, "", StringComparison.Ordinal);
        return $"{reason} For example: {HoursExample}";
    }
}

/// <summary>A checked submission: either <see cref="Errors"/> (block id → message) or the values to save.</summary>
public sealed record HoursSubmission(WorkingHours? Hours, string? Zone, IReadOnlyDictionary<string, string>? Errors);
