using System.Globalization;
using System.Text;
using AsyncCoach.Core.Model;

namespace AsyncCoach.Core.Rules;

/// <summary>after-hours-ping: an addressed message that reaches a recipient outside their working hours.</summary>
public sealed class AfterHoursPingRule : IRule
{
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
            || offHours?.Exists(r => r.User == user) == true)
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

    private static string Describe(RecipientTime r) =>
        string.Create(CultureInfo.InvariantCulture, $"{r.User} {r.LocalTime:ddd HH:mm} {r.TimeZoneId}");

    private static string Suggest(List<RecipientTime> offHours)
    {
        var text = new StringBuilder();
        if (offHours.Count == 1)
        {
            text.Append(CultureInfo.InvariantCulture, $"It's {offHours[0].LocalTime:HH:mm} for <@{offHours[0].User}>, outside their working hours. ");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"This reaches {offHours.Count} people outside their working hours: ");
            text.AppendJoin(", ", offHours.Select(r => string.Create(CultureInfo.InvariantCulture, $"it's {r.LocalTime:HH:mm} for <@{r.User}>")));
            text.Append(". ");
        }

        var first = offHours[0];
        if (first.NextWorkStart is { } next)
        {
            text.Append(CultureInfo.InvariantCulture, $"Unless it can't wait, Slack's scheduled send can deliver it at the start of their next working day ({next:ddd HH:mm} their time).");
        }
        else
        {
            text.Append("Unless it can't wait, Slack's scheduled send can deliver it when their working day starts.");
        }

        return text.ToString();
    }
}
