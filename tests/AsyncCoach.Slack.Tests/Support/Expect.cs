using AsyncCoach.Slack.WebApi;

namespace AsyncCoach.Slack.Tests.Support;

internal static class Expect
{
    public static async Task<SlackApiException> SlackErrorAsync(Func<Task> act) =>
        await Assert.ThrowsAsync<SlackApiException>(act) ?? throw new AssertionException("expected a SlackApiException");
}
