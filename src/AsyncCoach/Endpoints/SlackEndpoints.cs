namespace AsyncCoach.Endpoints;

/// <summary>Maps Slack's three request URLs as one group, all behind the signature filter.</summary>
public static class SlackEndpoints
{
    public static RouteGroupBuilder MapSlack(this IEndpointRouteBuilder app)
    {
        // The filter is a singleton, resolved once per endpoint: AddEndpointFilter<T> would
        // construct one (and resolve its dependencies) for every request.
        var group = app.MapGroup("/slack").AddEndpointFilterFactory(static (context, next) =>
        {
            var filter = context.ApplicationServices.GetRequiredService<SlackRequestFilter>();
            return invocation => filter.InvokeAsync(invocation, next);
        });
        group.MapPost("/events", EventsEndpoint.HandleAsync).WithMetadata(SlackBodyKind.Json);
        group.MapPost("/commands", CommandsEndpoint.HandleAsync).WithMetadata(SlackBodyKind.Form);
        group.MapPost("/interactivity", InteractivityEndpoint.HandleAsync).WithMetadata(SlackBodyKind.Form);
        return group;
    }
}
