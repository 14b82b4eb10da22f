using AsyncCoach.Audit;
using AsyncCoach.Cli;

namespace AsyncCoach.Tests.Audit;

internal sealed record AuditResult(int ExitCode, string Stdout, string Stderr);

internal static class AuditRun
{
    /// <summary>Runs the real command with the live rules.</summary>
    public static async Task<AuditResult> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await AuditCommand.RunAsync(args, stdout, stderr, CancellationToken.None);
        return new AuditResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs the command with a stand-in for the rules.</summary>
    public static async Task<AuditResult> RunAsync(ConversationAuditorFactory auditors, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await AuditCommand.RunAsync(args, stdout, stderr, auditors, CancellationToken.None);
        return new AuditResult(code, stdout.ToString(), stderr.ToString());
    }
}
