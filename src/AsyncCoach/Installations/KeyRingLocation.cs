using AsyncCoach.Storage;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Installations;

/// <summary>
/// Puts the Data Protection key ring in <see cref="InstallationOptions.KeyRingPath"/>, or beside
/// the database file, unless something else (a shared store) already set an
/// <see cref="IXmlRepository"/>: the key storage is that interface, so replacing it is one registration.
/// </summary>
public sealed class KeyRingLocation(IOptions<InstallationOptions> options, IStorage storage, ILoggerFactory loggers)
    : IConfigureOptions<KeyManagementOptions>
{
    public void Configure(KeyManagementOptions keys)
    {
        if (keys.XmlRepository is not null)
        {
            return;
        }

        var path = options.Value.KeyRingPath is { Length: > 0 } configured
            ? configured
            : storage.LocalFilePath is { } file ? file + ".keys" : Path.Combine(AppContext.BaseDirectory, "keys");
        keys.XmlRepository = new FileSystemXmlRepository(CreatePrivate(Path.GetFullPath(path)), loggers);
    }

    /// <summary>
    /// The keys decrypt every stored token and are not encrypted themselves (Data Protection has no
    /// key encryption on Linux without a certificate), so the folder is created readable by the
    /// service's own user only (0700), as the database should be.
    /// </summary>
    private static DirectoryInfo CreatePrivate(string path) =>
        OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(path)
            : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
}
