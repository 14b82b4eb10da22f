using AsyncCoach.Storage;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Hosting;

/// <summary>
/// Checks the storage provider before anything touches the database; the provider's own settings
/// are checked by the provider's own validator.
/// </summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (StorageOptions.Names(options.Provider, StorageOptions.Sqlite))
        {
            return ValidateOptionsResult.Success;
        }

        if (StorageOptions.Names(options.Provider, StorageOptions.Postgres))
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(
            $"Storage:Provider '{options.Provider}' is not a storage provider; set Storage__Provider to '{StorageOptions.Sqlite}' (the default) or '{StorageOptions.Postgres}'.");
    }
}
