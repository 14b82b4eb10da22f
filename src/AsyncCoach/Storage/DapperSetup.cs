using System.Data;
using System.Globalization;
using Dapper;

namespace AsyncCoach.Storage;

/// <summary>
/// Dapper type handlers registered once: instants are stored as UTC ISO-8601 text (one format
/// everywhere, sortable), as the Microsoft.Data.Sqlite docs advise for DateTimeOffset.
/// </summary>
public static class DapperSetup
{
    private static readonly Lock Gate = new();
    private static bool _done;

    /// <summary>Registers the handlers; a concurrent caller returns only once they are registered.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (_done)
            {
                return;
            }

            SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
            SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
            SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
            _done = true;
        }
    }

    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = Format(value);
        }

        public override DateTimeOffset Parse(object value) =>
            DateTimeOffset.Parse((string)value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
    }
}
