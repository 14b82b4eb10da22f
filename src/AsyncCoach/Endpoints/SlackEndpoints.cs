namespace AsyncCoach.Endpoints;

/// <summary>Maps Slack's three request URLs as one group, all behind the signature filter.</summary>
public static class SlackEndpoints
{
    public static RouteGroupBuilder MapSlack(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/slack").AddEndpointFilter<SlackRequestFilter>();
        group.MapPost("/events", EventsEndpoint.HandleAsync).WithMetadata(SlackBodyKind.Json);
        group.MapPost("/commands", CommandsEndpoint.HandleAsync).WithMetadata(SlackBodyKind.Form);
        group.MapPost("/interactivity", InteractivityEndpoint.HandleAsync).WithMetadata(SlackBodyKind.Form);
        return group;
    }
}
