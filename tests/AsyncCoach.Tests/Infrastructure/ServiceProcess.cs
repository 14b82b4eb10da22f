using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace AsyncCoach.Tests.Infrastructure;

/// <summary>
/// AsyncCoach as a child process of the test (the AsyncCoach.dll built beside the tests), for the
/// tests that need a real process: SIGTERM as systemd sends it, SIGKILL mid-way, several instances.
/// </summary>
internal static class ServiceProcess
{
    /// <summary>The start of an instance on <paramref name="port"/> in Production, talking to the fake Slack API.</summary>
    public static ProcessStartInfo StartInfo(int port, string signingSecret, string botToken, Uri slackApiBaseUrl)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "AsyncCoach.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Slack__SigningSecret"] = signingSecret;
        start.Environment["Slack__BotToken"] = botToken;
        start.Environment["Slack__ApiBaseUrl"] = slackApiBaseUrl.ToString();
        return start;
    }

    /// <summary>Starts the process and keeps every non-empty line it prints (stdout and stderr) in <paramref name="lines"/>.</summary>
    public static Process Start(ProcessStartInfo start, ConcurrentQueue<string> lines)
    {
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;

        void Keep(string? line)
        {
            if (!string.IsNullOrEmpty(line))
            {
                lines.Enqueue(line);
            }
        }
    }

    /// <summary>Whether <c>/readyz</c> answers 200; false while the process is not listening yet.</summary>
    public static async Task<bool> IsReadyAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync("/readyz");
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
