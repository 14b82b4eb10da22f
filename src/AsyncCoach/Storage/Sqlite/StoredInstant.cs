using System.Globalization;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>
/// How an instant is stored: UTC ISO-8601 text with seven fraction digits, one format everywhere so
/// that text order is time order (the Microsoft.Data.Sqlite docs advise text for DateTimeOffset).
/// </summary>
public static class StoredInstant
{
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
