namespace AsyncCoach.Installations;

/// <summary>
/// <c>GET /slack/install</c> and <c>GET /slack/oauth/callback</c>: a browser's pages, not Slack's
/// signed requests, so they sit outside the signed <c>/slack</c> group.
/// </summary>
public static class InstallEndpoints
{
    private const string Html = "text/html; charset=utf-8";

    public static IEndpointRouteBuilder MapInstall(this IEndpointRouteBuilder app)
    {
        app.MapGet("/slack/install", Install);
        app.MapGet("/slack/oauth/callback", CallbackAsync);
        return app;
    }

    private static IResult Install(OAuthInstaller installer, Microsoft.Extensions.Options.IOptions<InstallationOptions> options)
    {
        if (installer.AuthorizeUrl() is not { } authorize)
        {
            return Results.Content(InstallPages.NotConfigured(), Html, statusCode: StatusCodes.Status404NotFound);
        }

        return options.Value.RedirectToSlack
            ? Results.Redirect(authorize.AbsoluteUri)
            : Results.Content(InstallPages.AddToSlack(authorize), Html);
    }

    private static async Task<IResult> CallbackAsync(
        string? code, string? state, string? error, OAuthInstaller installer, CancellationToken cancellationToken)
    {
        var outcome = await installer.CompleteAsync(code, state, error, cancellationToken);
        if (outcome is { Failure: null, TeamId: { } team })
        {
            return Results.Content(InstallPages.Installed(team, outcome.TeamName), Html);
        }

        var status = outcome.Failure switch
        {
            InstallFailure.NotConfigured => StatusCodes.Status404NotFound,
            InstallFailure.SlackError or InstallFailure.SlackUnreachable => StatusCodes.Status502BadGateway,
            _ => StatusCodes.Status400BadRequest,
        };
        return Results.Content(InstallPages.Failed(outcome), Html, statusCode: status);
    }
}
