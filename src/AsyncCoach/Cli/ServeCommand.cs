using AsyncCoach.Hosting;
using AsyncCoach.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Cli;

/// <summary>Runs the service: ASP.NET Core's usual options apply (<c>--urls</c>, <c>ASPNETCORE_URLS</c>).</summary>
public static class ServeCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        // SQLite and Dapper load on another core while the host is built (nothing touches a file).
        // Before the configuration is read, so whatever the provider: a few idle milliseconds of
        // another core when it is not SQLite.
        StorageWarmup.Start();

        // The content root (where appsettings.json lives) is the application's own folder, so
        // `dotnet /opt/asynccoach/AsyncCoach.dll` reads its settings from any working directory.
        var explicitRoot = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is not null;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = explicitRoot ? null : AppContext.BaseDirectory,
        });
        builder.Configuration.AddSecretFiles(Environment.GetEnvironmentVariable);
        StartupTrace.Mark("builder created");
        if (LogFormat.Apply(builder) is { } badFormat)
        {
            await Console.Error.WriteLineAsync("AsyncCoach cannot start: " + badFormat);
            return 2;
        }

        builder.AddAsyncCoach();
        var app = builder.Build();
        app.MapAsyncCoach();
        StartupTrace.Mark("app built and mapped");
        app.Lifetime.ApplicationStarted.Register(() => StartupTrace.Mark("host started"));
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            // One line naming the key, not a stack trace.
            await Console.Error.WriteLineAsync("AsyncCoach cannot start: " + string.Join(" ", ex.Failures));
            return 2;
        }
        catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            await Console.Error.WriteLineAsync($"AsyncCoach cannot start: {ex.Message} Choose another with --urls, e.g. --urls http://127.0.0.1:5081");
            return 2;
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            // The binder names the key and the type it expected, e.g. Storage:Synchronous.
            await Console.Error.WriteLineAsync("AsyncCoach cannot start: " + ex.Message);
            return 2;
        }
    }
}
