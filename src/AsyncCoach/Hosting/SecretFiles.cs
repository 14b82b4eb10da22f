namespace AsyncCoach.Hosting;

/// <summary>
/// Settings from files, one file per key named like the environment variable
/// (<c>Slack__SigningSecret</c>, content = the value): systemd's credentials
/// (<c>LoadCredential=</c>, in <c>$CREDENTIALS_DIRECTORY</c>) and Docker's secrets
/// (<c>/run/secrets</c>), so that secrets need not sit in the environment. Read after the
/// environment, so a file wins.
/// </summary>
public static class SecretFiles
{
    public const string DockerSecrets = "/run/secrets";

    public static IConfigurationBuilder AddSecretFiles(this IConfigurationBuilder configuration, Func<string, string?> environment, string dockerSecrets = DockerSecrets)
    {
        foreach (var folder in new[] { environment("CREDENTIALS_DIRECTORY"), dockerSecrets })
        {
            if (!string.IsNullOrEmpty(folder) && Directory.Exists(folder))
            {
                // Full paths: the provider's own file provider wants one. A trailing newline (echo
                // into a file) is trimmed by the provider.
                configuration.AddKeyPerFile(Path.GetFullPath(folder), optional: true);
            }
        }

        return configuration;
    }
}
