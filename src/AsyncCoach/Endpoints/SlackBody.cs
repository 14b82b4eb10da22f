namespace AsyncCoach.Endpoints;

/// <summary>What a Slack route accepts: its content type. Attached as endpoint metadata.</summary>
public sealed record SlackBodyKind(string ContentType)
{
    public static SlackBodyKind Json { get; } = new("application/json");

    public static SlackBodyKind Form { get; } = new("application/x-www-form-urlencoded");
}

/// <summary>The verified raw body of a Slack request, read once by <see cref="SlackRequestFilter"/>.</summary>
public sealed record SlackBody(byte[] Bytes)
{
    public static SlackBody From(HttpContext context) =>
        context.Features.Get<SlackBody>() ?? throw new InvalidOperationException("The Slack request filter did not run for this endpoint.");
}
