using Microsoft.AspNetCore.DataProtection;

namespace AsyncCoach.Installations;

/// <summary>
/// Tokens at rest through ASP.NET Core Data Protection (authenticated encryption, keys rotated by
/// the key manager). The key ring lives where <see cref="InstallationOptions.KeyRingPath"/> says,
/// behind Data Protection's own storage interface (<c>IXmlRepository</c>), so a shared store
/// (the database, for several instances) can replace the folder without touching this class.
/// </summary>
public sealed class DataProtectionTokenProtector(IDataProtectionProvider provider) : ITokenProtector
{
    // The purpose isolates these payloads from any other use of the same key ring.
    private readonly IDataProtector _protector = provider.CreateProtector("AsyncCoach.Installations.SlackTokens.v1");

    public string Protect(string token) => _protector.Protect(token);

    public string Unprotect(string protectedToken) => _protector.Unprotect(protectedToken);
}
