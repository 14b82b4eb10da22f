namespace AsyncCoach.Installations;

/// <summary>Encrypts tokens for storage and decrypts them for the call that needs them.</summary>
public interface ITokenProtector
{
    string Protect(string token);

    /// <summary>Throws <see cref="System.Security.Cryptography.CryptographicException"/> when the payload cannot be read (key lost, tampered).</summary>
    string Unprotect(string protectedToken);
}
