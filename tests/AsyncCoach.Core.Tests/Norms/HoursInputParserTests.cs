using AsyncCoach.Core.Norms;

namespace AsyncCoach.Core.Tests.Norms;

public sealed class HoursInputParserTests
{
    private const WorkDays MonThu = WorkDays.Monday | WorkDays.Tuesday | WorkDays.Wednesday | WorkDays.Thursday;
    private const WorkDays MonWedFri = WorkDays.Monday | WorkDays.Wednesday | WorkDays.Friday;

    private static IEnumerable<TestCaseData> Valid()
    {
        yield return Case("08:30-16:30 mon-thu", "08:30", "16:30", MonThu, null, "24-hour range with a day range");
        yield return Case("8:30-16:30", "08:30", "16:30", WorkDays.Weekdays, null, "single-digit hour; days default to mon-fri");
        yield return Case("8:30am-4:30pm", "08:30", "16:30", WorkDays.Weekdays, null, "12-hour with minutes");
        yield return Case("9am-5pm mon,wed,fri", "09:00", "17:00", MonWedFri, null, "12-hour without minutes and a day list");
        yield return Case("9 AM - 5 PM weekdays", "09:00", "17:00", WorkDays.Weekdays, null, "spaces and capitals around the range");
        yield return Case("9am to 5pm daily", "09:00", "17:00", WorkDays.All, null, "'to' and daily");
        yield return Case("12pm-12am weekends", "12:00", "00:00", WorkDays.Saturday | WorkDays.Sunday, null, "noon to midnight, 12-hour edge cases");
        yield return Case("22:00-06:00 sun-thu", "22:00", "06:00", WorkDays.Sunday | MonThu, null, "a night shift over midnight");
        yield return Case("10:00-24:00 fri-mon", "10:00", "23:59:59.9999999", WorkDays.Friday | WorkDays.Saturday | WorkDays.Sunday | WorkDays.Monday, null, "a range of days that wraps the week; 24:00 as an end");
        yield return Case("08:30-16:30 mon-thu Europe/Lisbon", "08:30", "16:30", MonThu, "Europe/Lisbon", "with an IANA zone");
        yield return Case("08:30-16:30 America/Argentina/Buenos_Aires", "08:30", "16:30", WorkDays.Weekdays, "America/Argentina/Buenos_Aires", "a zone without days");
        yield return Case("08:30-16:30 Asia/Kolkata monday,Tuesday", "08:30", "16:30", WorkDays.Monday | WorkDays.Tuesday, "Asia/Kolkata", "zone before days, full day names");
        yield return Case("07:00-15:00 UTC", "07:00", "15:00", WorkDays.Weekdays, "UTC", "UTC");
    }

    private static TestCaseData Case(string text, string? start, string? end, WorkDays days, string? zone, string name) =>
        new TestCaseData(text, start, end, days, zone).SetName($"Reads \"{text}\": {name}");

    [TestCaseSource(nameof(Valid))]
    public void Reads_what_people_type(string text, string start, string end, WorkDays days, string? zone)
    {
        var ok = HoursInputParser.TryParse(text, out var input, out var error);

        Assert.That(ok, Is.True, error);
        Assert.That(input!.Hours, Is.EqualTo(new WorkingHours(TimeOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), days)));
        Assert.That(input.TimeZoneId, Is.EqualTo(zone));
    }

    [TestCase("25:00-17:00", "\"25:00\" is not a time of day", TestName = "Refuses an impossible hour (25:00)")]
    [TestCase("9:75-17:00", "\"9:75\" is not a time of day", TestName = "Refuses impossible minutes (9:75)")]
    [TestCase("09:00-13pm", "\"13pm\" is not a time of day", TestName = "Refuses a 12-hour time past 12 (13pm)")]
    [TestCase("0am-5pm", "\"0am\" is not a time of day", TestName = "Refuses 0am")]
    [TestCase("9-17", "\"9\" is not a time of day", TestName = "Refuses a bare 24-hour hour as ambiguous")]
    [TestCase("24:00-08:00", "\"24:00\" is not a time of day", TestName = "Refuses 24:00 as a start")]
    [TestCase("9:5-17:00", "\"9:5\" is not a time of day", TestName = "Refuses one-digit minutes")]
    [TestCase("09:00-09:00", "same time", TestName = "Refuses a start equal to the end")]
    [TestCase("9am-9:00", "same time", TestName = "Refuses a start equal to the end across notations")]
    [TestCase("09:00", "not a time range", TestName = "Refuses a single time")]
    [TestCase("09:00-12:00-17:00", "not a time range", TestName = "Refuses three times")]
    [TestCase("09:00-17:00 mon-fry", "\"mon-fry\" is neither days", TestName = "Refuses an unknown day")]
    [TestCase("09:00-17:00 Mars/Olympus_Mons", "\"Mars/Olympus_Mons\" is not a time zone I know", TestName = "Refuses an unknown zone")]
    [TestCase("09:00-17:00 mon-fri Europe/Lisbon extra", "couldn't read", TestName = "Refuses extra words")]
    [TestCase("09:00-17:00 mon-fri tue", "\"tue\" is neither", TestName = "Refuses two day lists")]
    [TestCase("", "couldn't read", TestName = "Refuses nothing")]
    public void Refuses_bad_input_with_one_line_and_an_example(string text, string reason)
    {
        var ok = HoursInputParser.TryParse(text, out var input, out var error);

        Assert.That(ok, Is.False);
        Assert.That(input, Is.Null);
        Assert.That(error, Does.Contain(reason));
        Assert.That(error, Does.Contain(HoursInputParser.Example).Or.Contain("Europe/Lisbon"));
        Assert.That(error, Does.Not.Contain('\n'));
    }
}
