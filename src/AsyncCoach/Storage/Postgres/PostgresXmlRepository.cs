using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// The Data Protection key ring in the shared database (<c>data_protection_keys</c>), so a token
/// encrypted by one instance is read by every other. Data Protection calls these synchronously
/// (when it loads or refreshes the key ring, rarely), hence the blocking waits. A key is written
/// once under its name; a second instance creating one at the same moment adds its own.
/// </summary>
public sealed class PostgresXmlRepository(PostgresDatabase database, TimeProvider time) : IXmlRepository
{
    private const string ReadSql = "SELECT xml FROM data_protection_keys ORDER BY created_at, friendly_name";

    private const string StoreSql = """
        INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@Name, @Xml, @Now)
        ON CONFLICT (friendly_name) DO NOTHING
        """;

    public IReadOnlyCollection<XElement> GetAllElements() => ReadAsync().GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName) => StoreAsync(element, friendlyName).GetAwaiter().GetResult();

    private async Task<IReadOnlyCollection<XElement>> ReadAsync()
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = Pg.Command(connection, ReadSql);
        await using var reader = await command.ExecuteReaderAsync();
        var elements = new List<XElement>();
        while (await reader.ReadAsync())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    private async Task StoreAsync(XElement element, string friendlyName)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = Pg.Command(connection, StoreSql)
            .With("Name", friendlyName).With("Xml", element.ToString(SaveOptions.DisableFormatting)).WithInstant("Now", time.GetUtcNow());
        await command.ExecuteNonQueryAsync();
    }
}
