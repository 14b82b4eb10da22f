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
        DatabaseReadiness readiness, SqliteDatabase database, InboxJournal journal, SocketModeStatus socketMode, CancellationToken cancellationToken)
    {
        if (!readiness.IsMigrated)
        {
            return TypedResults.Problem(
                title: "starting", detail: "the database is not migrated yet", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (database.IsFileMissing)
        {
            return TypedResults.Problem(
                title: "database file missing",
                detail: $"{database.FilePath} no longer exists: open connections still write to the deleted file, and that is lost when the service stops",
                statusCode: StatusCodes.Status503ServiceUnavailable);
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

        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM schema_version";
            await command.ExecuteScalarAsync(cancellationToken);
            StartupTrace.MarkFirstReady();
            return TypedResults.Text("ready\n");
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            return TypedResults.Problem(title: "database unreachable", detail: ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
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
