using AsyncCoach.Core.Digests;
using AsyncCoach.Core.Rules;
using AsyncCoach.Digests;
using AsyncCoach.Slack.BlockKit;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.Digests;

public sealed class DigestBlocksTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 9, 0, 0, 0, TimeSpan.FromHours(1));

    /// <summary>Every section at once: many rules (known and unknown), channels, slots, nudges, flags and the lead.</summary>
    private static Digest Busiest()
    {
        var rules = RuleIds.All.Concat(Enumerable.Range(0, 40).Select(i => $"team-rule-{i:D2}-" + new string('x', 60))).ToList();
        return DigestBuilder.Build(new DigestInput
        {
            WeekStart = Monday,
            WeekEnd = Monday.AddDays(7),
            Late = true,
            Findings = [.. rules.SelectMany(r => Enumerable.Range(0, 4).Select(w => new RuleWeek(r, w, 1000 + (w * 37), 40)))],
            Nudges = [.. rules.Select(r => new RuleNudges(r, 50, 2, 40, 30))],
            ActivityWeeks = [new(0, 9000, 400, 900, 120), new(1, 9000, 400, 700, 110)],
            Activity = [.. Enumerable.Range(0, 28).Select(i => new ActivitySlot((DayOfWeek)(i % 7), (PartOfDay)(i % 4), 300, 30, 12))],
            Channels = [.. Enumerable.Range(0, 30).Select(i => new ChannelWeek($"C{i:D8}", new string('c', 80), 100 + i, 20))],
            Lead = new LeadHabits(new LeadWeek(100, 5, 4, 3, 12, 2, 1, 1), new LeadWeek(90, 2, 2, 1, 6, 0, 0, 0)),
        });
    }

    [Test]
    public void The_busiest_digest_stays_within_block_kit_limits()
    {
        var message = DigestBlocks.Build(Busiest());

        Assert.That(message.Validate(), Is.Empty);
        Assert.That(message.Blocks, Has.Count.LessThanOrEqualTo(BlockKitLimits.MaxMessageBlocks));
        Assert.That(message.Blocks[0], Is.InstanceOf<HeaderBlock>());
        Assert.That(message.Blocks[^1], Is.InstanceOf<ContextBlock>(), "the privacy floor at the foot");
        Assert.That(message.Text, Does.StartWith("Your team's week, Mar 9 – Mar 15, 2026"));
    }

    [Test]
    public void Short_digests_are_short_and_valid()
    {
        var input = new DigestInput { WeekStart = Monday, WeekEnd = Monday.AddDays(7), ActivityWeeks = [new(0, 30, 4, 0, 0)] };

        var belowFloor = DigestBlocks.Build(DigestBuilder.Build(input));
        var quiet = DigestBlocks.Build(DigestBuilder.Build(input with { ActivityWeeks = [new(0, 300, 12, 0, 0)] }));

        Assert.That(belowFloor.Validate(), Is.Empty);
        Assert.That(quiet.Validate(), Is.Empty);
        Assert.That(belowFloor.Blocks, Has.Count.LessThanOrEqualTo(5));
        Assert.That(((ContextBlock)belowFloor.Blocks[^1]).Elements[0].Text, Does.Contain("Fewer than 5 people"));
        Assert.That(((SectionBlock)quiet.Blocks[1]).Text!.Text, Does.Contain("A quiet week"));
    }

    [Test]
    public void Mrkdwn_control_characters_from_names_are_escaped()
    {
        var digest = DigestBuilder.Build(new DigestInput
        {
            WeekStart = Monday,
            WeekEnd = Monday.AddDays(7),
            Findings = [new RuleWeek(RuleIds.MissingContext, 0, 9, 6)],
            Channels = [new ChannelWeek("C1", "r&d<!channel>", 9, 6)],
        });

        var channels = DigestBlocks.Build(digest).Blocks.OfType<SectionBlock>().Single(b => b.BlockId == "digest-channels");

        Assert.That(channels.Text!.Text, Does.Contain("#r&amp;d&lt;!channel&gt;").And.Not.Contain("<!channel>"));
    }

    [Test]
    public async Task The_fake_slack_server_accepts_the_digest_as_a_dm()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
        }).Build();
        await using var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddLogging()
            .AddSlackWebApi(configuration)
            .BuildServiceProvider();
        var api = services.GetRequiredService<SlackWebApiClientFactory>().Create("xoxb-test-digest");
        var message = DigestBlocks.Build(Busiest());

        var response = await api.PostMessageAsync(message.ToPostMessage("D0LEAD0001"));

        Assert.That(response.Ok, Is.True);
        var call = slack.CallsTo("chat.postMessage").Single();
        var blocks = call.Json!.Value.GetProperty("blocks");
        Assert.That(blocks.GetArrayLength(), Is.EqualTo(message.Blocks.Count));
        Assert.That(blocks[0].GetProperty("type").GetString(), Is.EqualTo("header"));
        Assert.That(blocks[0].GetProperty("text").GetProperty("type").GetString(), Is.EqualTo("plain_text"));
        Assert.That(call.Arg("channel"), Is.EqualTo("D0LEAD0001"));
    }
}
