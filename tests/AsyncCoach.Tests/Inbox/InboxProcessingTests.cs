using System.Collections.Concurrent;
using System.Net;
using AsyncCoach.Inbox;
using AsyncCoach.Slack.Events;
using AsyncCoach.Storage;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.Inbox;

public sealed class InboxProcessingTests
{
    [Test]
    public async Task A_processed_event_reaches_the_pipeline_and_its_payload_is_cleared()
    {
        var pipeline = new RecordingPipeline();
        await using var factory = new AsyncCoachFactory().WithServices(s => s.AddSingleton<IMessagePipeline>(pipeline));
        using var client = factory.CreateRealClient();
        var probe = factory.Processed;

        using var response = await client.SendAsync(factory.SignedRequest("/slack/events", Payloads.MessageEvent("EvP1", text: "can we talk?")));
        await probe.WaitForAsync(1);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(pipeline.EventIds, Is.EqualTo(new[] { "EvP1" }));
        var row = (await TestDatabase.InboxAsync(factory.DatabasePath)).Single();
        Assert.That(row.State, Is.EqualTo("done"));
        Assert.That(row.Payload, Is.Null);
        Assert.That(await TestDatabase.ScalarAsync<long>(factory.DatabasePath, "PRAGMA secure_delete"), Is.EqualTo(0),
            "secure_delete is per connection; this test connection does not set it");
        factory.DeleteDatabase();
    }

    [Test]
    public async Task Events_are_processed_in_arrival_order()
    {
        var pipeline = new RecordingPipeline();
        await using var factory = new AsyncCoachFactory().WithServices(s => s.AddSingleton<IMessagePipeline>(pipeline));
        using var client = factory.CreateRealClient();
        var probe = factory.Processed;

        for (var i = 0; i < 30; i++)
        {
            using var response = await client.SendAsync(factory.SignedRequest("/slack/events", Payloads.MessageEvent($"EvOrder{i:D2}")));
        }

        await probe.WaitForAsync(30);
        Assert.That(pipeline.EventIds, Is.EqualTo(Enumerable.Range(0, 30).Select(i => $"EvOrder{i:D2}")));
        factory.DeleteDatabase();
    }

    [Test]
    public async Task Bot_messages_and_housekeeping_subtypes_never_reach_the_pipeline()
    {
        var pipeline = new RecordingPipeline();
        await using var factory = new AsyncCoachFactory().WithServices(s => s.AddSingleton<IMessagePipeline>(pipeline));
        using var client = factory.CreateRealClient();
        var probe = factory.Processed;

        using var bot = await client.SendAsync(factory.SignedRequest("/slack/events", Payloads.Fixture("events/zulip-message_from_slack_integration_bot.json")));
        using var join = await client.SendAsync(factory.SignedRequest("/slack/events",
            """{"type":"event_callback","team_id":"T1","event_id":"EvJoin","event":{"type":"message","subtype":"channel_join","user":"U1","channel":"C1","ts":"1.000001"}}"""));
        using var human = await client.SendAsync(factory.SignedRequest("/slack/events", Payloads.Fixture("events/zulip-message_with_normal_text.json")));
        await probe.WaitForAsync(3);

        Assert.That(pipeline.EventIds, Has.Count.EqualTo(1));
        factory.DeleteDatabase();
    }

    [Test]
    public async Task A_failing_event_is_retried_then_given_up_with_its_payload_cleared()
    {
        await using var factory = new AsyncCoachFactory().WithServices(s => s.AddSingleton<IMessagePipeline>(new ThrowingPipeline()));
        using var client = factory.CreateRealClient();
        var probe = factory.Processed;

        using var response = await client.SendAsync(factory.SignedRequest("/slack/events", Payloads.MessageEvent("EvFail")));
        for (var attempt = 1; attempt <= IInboxStore.MaxAttempts; attempt++)
        {
            await probe.WaitForAsync(attempt);
            factory.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var row = (await TestDatabase.InboxAsync(factory.DatabasePath)).Single();
        Assert.That(row.State, Is.EqualTo("failed"));
        Assert.That(row.Attempts, Is.EqualTo(IInboxStore.MaxAttempts));
        Assert.That(row.Payload, Is.Null);
        factory.DeleteDatabase();
    }

    [Test]
    public async Task An_envelope_only_the_processor_cannot_read_is_acknowledged_and_its_failure_recorded()
    {
        // The acknowledgement reads only the head (type, ids, event type and channel); a field
        // beyond it in a shape nobody expects fails the processor's read, not Slack's delivery.
        var pipeline = new RecordingPipeline();
        await using var factory = new AsyncCoachFactory().WithServices(s => s.AddSingleton<IMessagePipeline>(pipeline));
        using var client = factory.CreateRealClient();
        var probe = factory.Processed;
        const string body = """
            {"type":"event_callback","team_id":"T1","event_id":"EvOdd","event_time":"soon",
             "event":{"type":"message","channel":"C1","user":"U1","text":"hi","ts":"1700000000.000100"}}
            """;

        using var response = await client.SendAsync(factory.SignedRequest("/slack/events", body));
        await probe.WaitForAsync(1);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var row = (await TestDatabase.InboxAsync(factory.DatabasePath)).Single();
        Assert.That((row.EventId, row.ChannelId, row.Attempts), Is.EqualTo(("EvOdd", "C1", 1L)));
        Assert.That(await TestDatabase.ScalarAsync<string>(factory.DatabasePath, "SELECT last_error FROM inbox"), Does.StartWith("JsonException"));
        Assert.That(pipeline.EventIds, Is.Empty);
        factory.DeleteDatabase();
    }

    [Test]
    public async Task Unprocessed_events_are_resumed_by_the_next_process_on_the_same_file()
    {
        var blocking = new BlockingPipeline();
        var first = new AsyncCoachFactory().WithServices(s => s.AddSingleton<IMessagePipeline>(blocking));
        using (var client = first.CreateRealClient())
        {
            using var a = await client.SendAsync(first.SignedRequest("/slack/events", Payloads.MessageEvent("EvResumeA")));
            using var b = await client.SendAsync(first.SignedRequest("/slack/events", Payloads.MessageEvent("EvResumeB")));
            await blocking.Entered.WaitAsync(TimeSpan.FromSeconds(15));
        }

        await first.DisposeAsync();
        Assert.That(await TestDatabase.InboxAsync(first.DatabasePath), Is.Empty, "nothing recorded: the round never committed");
        Assert.That(await TestDatabase.ScalarAsync<long>(first.DatabasePath, "SELECT processed_up_to FROM inbox_journal"), Is.Zero);

        var pipeline = new RecordingPipeline();
        await using var second = new AsyncCoachFactory(first.DatabasePath).WithServices(s => s.AddSingleton<IMessagePipeline>(pipeline));
        var probe = second.Processed;
        second.StartServer();
        await probe.WaitForAsync(2);

        Assert.That(pipeline.EventIds, Is.EqualTo(new[] { "EvResumeA", "EvResumeB" }));
        Assert.That((await TestDatabase.InboxAsync(second.DatabasePath)).Select(r => r.State), Is.All.EqualTo("done"));
        second.DeleteDatabase();
    }

    private sealed class RecordingPipeline : IMessagePipeline
    {
        private readonly ConcurrentQueue<string> _ids = new();

        public IReadOnlyList<string> EventIds => [.. _ids];

        public Task HandleAsync(InboxEvent inboxEvent, SlackEvent message, CancellationToken cancellationToken)
        {
            _ids.Enqueue(inboxEvent.EventId);
            return Task.CompletedTask;
        }
    }

    private sealed class ThrowingPipeline : IMessagePipeline
    {
        public Task HandleAsync(InboxEvent inboxEvent, SlackEvent message, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("pipeline broke");
    }

    /// <summary>Holds the first event until the host stops, like a crash mid-processing.</summary>
    private sealed class BlockingPipeline : IMessagePipeline
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Entered => _entered.Task;

        public async Task HandleAsync(InboxEvent inboxEvent, SlackEvent message, CancellationToken cancellationToken)
        {
            _entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
