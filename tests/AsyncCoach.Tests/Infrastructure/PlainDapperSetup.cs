using System.Data;
using AsyncCoach.Storage.Sqlite;
using Dapper;

namespace AsyncCoach.Tests;

/// <summary>
/// The tests read and seed the service's SQLite files with plain, reflection-based Dapper. This
/// gives that Dapper the service's instant format (the service's own calls get it from
/// Dapper.AOT's handler), once for the whole test assembly.
/// </summary>
[SetUpFixture]
public sealed class PlainDapperSetup
{
    [OneTimeSetUp]
    public void RegisterInstantHandler()
    {
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.AddTypeHandler(new InstantHandler());
    }

    private sealed class InstantHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = StoredInstant.Format(value);
        }

        public override DateTimeOffset Parse(object value) => StoredInstant.Parse((string)value);
    }
}
