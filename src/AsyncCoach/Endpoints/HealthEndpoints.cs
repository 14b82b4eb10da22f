using AsyncCoach.Hosting;
using AsyncCoach.Inbox;
using AsyncCoach.SocketMode;
using AsyncCoach.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AsyncCoach.Endpoints;

/// <summary>
/// <c>/healthz</c>: the process is alive. <c>/readyz</c>: the database is migrated and answers, and
/// its file and the inbox journal's folder are still there; in Socket Mode, also a connection is open.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Text("ok\n"));
        app.MapGet("/readyz", ReadyAsync);
        return app;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ReadyAsync(
        DatabaseReadiness readiness, IStorage storage, InboxJournal journal, SocketModeStatus socketMode, CancellationToken cancellationToken)
    {
        if (!readiness.IsMigrated)
        {
            return readiness.Unreachable is { } reason
                ? TypedResults.Problem(
                    title: "database unreachable", detail: $"{storage.Description}: {reason} (tried again until it answers)", statusCode: StatusCodes.Status503ServiceUnavailable)
                : TypedResults.Problem(
                    title: "starting", detail: "the database is not migrated yet", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (journal.IsFolderMissing)
        {
            return TypedResults.Problem(
                title: "inbox journal missing",
                detail: $"{journal.DirectoryPath} no longer exists: acknowledged events still go to its deleted files, and those not yet processed are lost when the service stops",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (SocketModeProblem(socketMode) is { } problem)
        {
            return problem;
        }

        if (await storage.CheckReadyAsync(cancellationToken) is { } storageProblem)
        {
            return TypedResults.Problem(title: storageProblem.Title, detail: storageProblem.Detail, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        StartupTrace.MarkFirstReady();
        return TypedResults.Text("ready\n");
    }

    private static ProblemHttpResult? SocketModeProblem(SocketModeStatus socketMode) => socketMode switch
    {
        { IsEnabled: false } or { OpenConnections: > 0 } => null,
        { IsLinkDisabled: true } => TypedResults.Problem(
            title: "Socket Mode link disabled",
            detail: "Slack answered link_disabled: Socket Mode is turned off in the app's settings, so no events arrive. Turn it back on and restart, or unset Slack:AppToken to use HTTP.",
            statusCode: StatusCodes.Status503ServiceUnavailable),
        _ => TypedResults.Problem(
            title: "no Socket Mode connection", detail: "Slack:AppToken is set, and no Socket Mode connection to Slack is open yet (or it is being reopened)", statusCode: StatusCodes.Status503ServiceUnavailable),
    };
}
