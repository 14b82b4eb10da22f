using System.Text.Json;

namespace AsyncCoach.Hosting;

/// <summary>
/// <c>Logging:Format</c>: <c>text</c> (the default, for a terminal) or <c>json</c> (one JSON object
/// per line, start-up lines included, for a log collector). The built-in JSON console formatter;
/// the log events themselves carry no message text and no token in either format.
/// </summary>
public static class LogFormat
{
    public const string Key = "Logging:Format";

    /// <summary>Applies the configured format; returns a one-line error for a value it does not know.</summary>
    public static string? Apply(WebApplicationBuilder builder)
    {
        var format = builder.Configuration[Key];
        if (string.IsNullOrWhiteSpace(format) || string.Equals(format, "text", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return $"{Key} must be text or json, not '{format}' (e.g. Logging__Format=json).";
        }

        builder.Logging.AddJsonConsole(options =>
        {
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            options.JsonWriterOptions = new JsonWriterOptions { Indented = false };
        });
        return null;
    }
}
