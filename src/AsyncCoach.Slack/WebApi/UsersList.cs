namespace AsyncCoach.Slack.WebApi;

public sealed record UsersListResponse : SlackResponse
{
    public IReadOnlyList<SlackUser> Members { get; init; } = [];
}

/// <summary>One page of <c>users.list</c>; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record UsersListPage(IReadOnlyList<SlackUser> Members, string? NextCursor);
