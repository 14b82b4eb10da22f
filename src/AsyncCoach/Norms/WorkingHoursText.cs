using System.Globalization;
using AsyncCoach.Core.Norms;

namespace AsyncCoach.Norms;

/// <summary>Writes working hours in the form <see cref="NormsJson.ParseWorkingHours"/> reads: "09:00-17:00 mon-fri".</summary>
public static class WorkingHoursText
{
    private static readonly (WorkDays Flag, string Name)[] Days =
    [
        (WorkDays.Monday, "mon"), (WorkDays.Tuesday, "tue"), (WorkDays.Wednesday, "wed"), (WorkDays.Thursday, "thu"),
        (WorkDays.Friday, "fri"), (WorkDays.Saturday, "sat"), (WorkDays.Sunday, "sun"),
    ];

    public static string Format(WorkingHours hours)
    {
        var end = hours.End == TimeOnly.MaxValue ? "24:00" : hours.End.ToString("HH:mm", CultureInfo.InvariantCulture);
        return $"{hours.Start.ToString("HH:mm", CultureInfo.InvariantCulture)}-{end} {FormatDays(hours.Days)}";
    }

    public static string FormatDays(WorkDays days)
    {
        if (days == WorkDays.All)
        {
            return "daily";
        }

        // Runs of consecutive days become ranges: mon-fri, mon-wed,fri.
        var parts = new List<string>();
        var i = 0;
        while (i < Days.Length)
        {
            if ((days & Days[i].Flag) == 0)
            {
                i++;
                continue;
            }

            var j = i;
            while (j + 1 < Days.Length && (days & Days[j + 1].Flag) != 0)
            {
                j++;
            }

            parts.Add(j > i ? $"{Days[i].Name}-{Days[j].Name}" : Days[i].Name);
            i = j + 1;
        }

        return parts.Count == 0 ? "none" : string.Join(',', parts);
    }
}
