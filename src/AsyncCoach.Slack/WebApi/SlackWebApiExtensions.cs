namespace AsyncCoach.Slack.WebApi;

public static class SlackWebApiExtensions
{
    /// <summary>Reads every page of <c>conversations.members</c>, following <c>next_cursor</c>.</summary>
    public static async Task<IReadOnlyList<string>> GetAllConversationMembersAsync(
        this ISlackWebApi api, string channelId, CancellationToken cancellationToken = default)
    {
        var members = new List<string>();
        string? cursor = null;
        do
        {
            var page = await api.GetConversationMembersAsync(channelId, cursor, cancellationToken: cancellationToken);
            members.AddRange(page.Members);

            // A cursor that repeats would loop forever; Slack never sends one, but a fake could.
            if (page.NextCursor == cursor)
            {
                break;
            }

            cursor = page.NextCursor;
        }
        while (!string.IsNullOrEmpty(cursor));

        return members;
    }
}
