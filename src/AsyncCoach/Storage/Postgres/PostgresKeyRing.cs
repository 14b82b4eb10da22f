using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// Puts the Data Protection key ring in the shared database. Registered ahead of
/// <c>KeyRingLocation</c>, which leaves a repository already set alone.
/// </summary>
public sealed class PostgresKeyRing(PostgresDatabase database, TimeProvider time) : IConfigureOptions<KeyManagementOptions>
{
    public void Configure(KeyManagementOptions options) => options.XmlRepository = new PostgresXmlRepository(database, time);
}
