using System.Data;
using System.Data.Common;

// Every Dapper call in this assembly is compiled ahead of time by Dapper.AOT's interceptors: no
// reflection or emitted code at run time, so it works after a native AOT publish and costs
// nothing to warm up. A call Dapper.AOT cannot handle stays on reflection-based Dapper, which
// fails under native AOT; DapperAotCoverageTests finds any such call.
[module: Dapper.DapperAot]
[module: Dapper.SqlSyntax(Dapper.SqlSyntax.SQLite)]
[module: Dapper.TypeHandler(typeof(System.DateTimeOffset), typeof(AsyncCoach.Storage.Sqlite.StoredInstantHandler))]

namespace AsyncCoach.Storage.Sqlite;

/// <summary>Binds and reads <see cref="DateTimeOffset"/> as <see cref="StoredInstant"/> text.</summary>
internal sealed class StoredInstantHandler : Dapper.DbValueHandler<DateTimeOffset>
{
    protected override void Configure(DbParameter parameter) => parameter.DbType = DbType.String;

    protected override void SetValueCore(DbParameter parameter, DateTimeOffset value) => parameter.Value = StoredInstant.Format(value);

    protected override DateTimeOffset Parse(object? value) => StoredInstant.Parse((string)value!);
}
