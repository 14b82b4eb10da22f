using System.Globalization;
using System.Runtime.CompilerServices;
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

        if (offHours is null || context.HasUrgentMarker)
        {
            return null;
        }

        var evidence = new string[offHours.Count];
        for (var i = 0; i < evidence.Length; i++)
        {
            evidence[i] = Describe(offHours[i]);
        }

        return context.CreateFinding(Id, evidence, Suggest(offHours), offHours);
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

    // Built in a stack buffer: only the finished string is allocated (most of an audit's findings are this rule's).
    private static string Suggest(List<RecipientTime> offHours)
    {
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[512]);
        if (offHours.Count == 1)
        {
            text.AppendLiteral("It's ");
            AppendTime(ref text, offHours[0].LocalTime);
            text.AppendLiteral(" for <@");
            text.AppendFormatted(offHours[0].User.Value);
            text.AppendLiteral(">, outside their working hours. ");
        }
        else
        {
            text.AppendLiteral("This reaches ");
            text.AppendFormatted(offHours.Count);
            text.AppendLiteral(" people outside their working hours: ");
            for (var i = 0; i < offHours.Count; i++)
            {
                text.AppendLiteral(i == 0 ? "it's " : ", it's ");
                AppendTime(ref text, offHours[i].LocalTime);
                text.AppendLiteral(" for <@");
                text.AppendFormatted(offHours[i].User.Value);
                text.AppendLiteral(">");
            }

            text.AppendLiteral(". ");
        }

        if (offHours[0].NextWorkStart is { } next)
        {
            text.AppendLiteral("Unless it can't wait, Slack's scheduled send can deliver it at the start of their next working day (");
            text.AppendLiteral(Day(next));
            text.AppendLiteral(" ");
            AppendTime(ref text, next);
            text.AppendLiteral(" their time).");
        }
        else
        {
            text.AppendLiteral("Unless it can't wait, Slack's scheduled send can deliver it when their working day starts.");
        }

        return text.ToStringAndClear();
    }

    /// <summary>"HH:mm".</summary>
    private static void AppendTime(ref DefaultInterpolatedStringHandler text, DateTimeOffset time)
    {
        text.AppendFormatted(time.Hour, "D2");
        text.AppendLiteral(":");
        text.AppendFormatted(time.Minute, "D2");
    }
}
