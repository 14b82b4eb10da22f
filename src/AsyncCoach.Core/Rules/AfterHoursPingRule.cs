using System.Globalization;
using System.Text;
using AsyncCoach.Core.Model;

namespace AsyncCoach.Core.Rules;

/// <summary>after-hours-ping: an addressed message that reaches a recipient outside their working hours.</summary>
public sealed class AfterHoursPingRule : IRule
{
    private static readonly string[] DayNames = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedDayNames;

    public string Id => RuleIds.AfterHoursPing;

    public Finding? Evaluate(in RuleContext context)
    {
        if (!context.IsAddressed)
        {
            return null;
        }

        var message = context.Message;
        var mentions = context.Mentions;
        var members = context.Conversation.Members;
        List<RecipientTime>? offHours = null;
        if (mentions.Channel || mentions.Everyone)
        {
            for (var i = 0; i < members.Count; i++)
            {
                Judge(context, members[i], ref offHours);
            }
        }
        else if (message.Kind.IsDirect())
        {
            for (var i = 0; i < members.Count; i++)
            {
                Judge(context, members[i], ref offHours);
            }
        }

        // @here alone judges nobody: Slack only notifies people who are active.
        for (var i = 0; i < mentions.Users.Count; i++)
        {
            var user = mentions.Users[i];
            if (!(mentions.Channel || mentions.Everyone || message.Kind.IsDirect()) || !members.Contains(user))
            {
                Judge(context, user, ref offHours);
            }
        }

        return offHours is null || context.HasUrgentMarker
            ? null
            : context.CreateFinding(Id, [.. offHours.Select(Describe)], Suggest(offHours)) with { OffHoursRecipients = offHours };
    }

    private static void Judge(in RuleContext context, UserId user, ref List<RecipientTime>? offHours)
    {
        var message = context.Message;
        if (user == message.Author
            || !context.Context.People.TryGetValue(user, out var person)
            || person.IsBot
            || person.IsDeleted
            || ZoneClock.Find(person.TimeZoneId) is not { } clock
            || Contains(offHours, user))
        {
            return; // unknown person or time zone: inside hours, no finding without evidence
        }

        var hours = person.OwnHours ?? context.Norms.WorkingHours;
        var at = context.Time;
        var local = clock.ToLocal(at);
        if (hours.ContainsLocal(local.DateTime) || context.Activity.PostedRecently(user, at))
        {
            return;
        }

        (offHours ??= []).Add(new RecipientTime(user, clock.Zone.Id, local, hours.NextStart(at, clock.Zone)));
    }

    private static bool Contains(List<RecipientTime>? offHours, UserId user)
    {
        if (offHours is null)
        {
            return false;
        }

        foreach (var r in offHours)
        {
            if (r.User == user)
            {
                return true;
            }
        }

        return false;
    }

    // The formats spelled out ("ddd HH:mm" in the invariant culture): custom date formats are parsed on every call.
    private static string Describe(RecipientTime r) =>
        string.Create(CultureInfo.InvariantCulture, $"{r.User} {Day(r.LocalTime)} {r.LocalTime.Hour:D2}:{r.LocalTime.Minute:D2} {r.TimeZoneId}");

    /// <summary>The invariant culture's abbreviated day name, as format "ddd" gives it.</summary>
    private static string Day(DateTimeOffset time) => DayNames[(int)time.DayOfWeek];

    private static string Suggest(List<RecipientTime> offHours)
    {
        var text = new StringBuilder();
        if (offHours.Count == 1)
        {
            text.Append(CultureInfo.InvariantCulture, $"It's {offHours[0].LocalTime.Hour:D2}:{offHours[0].LocalTime.Minute:D2} for <@{offHours[0].User}>, outside their working hours. ");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"This reaches {offHours.Count} people outside their working hours: ");
            for (var i = 0; i < offHours.Count; i++)
            {
                var r = offHours[i];
                text.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}it's {r.LocalTime.Hour:D2}:{r.LocalTime.Minute:D2} for <@{r.User}>");
            }

            text.Append(". ");
        }

        var first = offHours[0];
        if (first.NextWorkStart is { } next)
        {
            text.Append(CultureInfo.InvariantCulture, $"Unless it can't wait, Slack's scheduled send can deliver it at the start of their next working day ({Day(next)} {next.Hour:D2}:{next.Minute:D2} their time).");
        }
        else
        {
            text.Append("Unless it can't wait, Slack's scheduled send can deliver it when their working day starts.");
        }

        return text.ToString();
    }
}
