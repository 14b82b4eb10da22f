using System.Text.Json.Nodes;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Nudges;
using AsyncCoach.Core.Rules;
using AsyncCoach.Norms;
using AsyncCoach.Storage;

namespace AsyncCoach.Tests.Providers;

/// <summary><see cref="INormsStore"/> and <see cref="IPhraseFeedbackStore"/>, the same tests against every provider.</summary>
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
public sealed class NormsStoresSuite(string provider) : ProviderSuite(provider)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private INormsStore Norms => Provider.Get<INormsStore>();

    private IPhraseFeedbackStore Feedback => Provider.Get<IPhraseFeedbackStore>();

    [Test]
    public async Task A_norm_set_is_read_back_and_a_removed_one_falls_back_to_the_default()
    {
        var set = await Norms.SetAsync("T1", "max_nudges_per_day", JsonValue.Create(2), "U1", None);
        await Norms.SetAsync("T1", "retention_days", JsonValue.Create(30), "U1", None);

        Assert.That(set.MaxNudgesPerDay, Is.EqualTo(2));
        Assert.That((await Norms.GetAsync("T1", None)).MaxNudgesPerDay, Is.EqualTo(2));
        Assert.That((await Norms.GetJsonAsync("T1", None))!.ToJsonString(), Is.EqualTo("{\"max_nudges_per_day\":2,\"retention_days\":30}"));
        Assert.That(await Norms.RetentionDaysAsync(None), Is.EquivalentTo(new Dictionary<string, int> { ["T1"] = 30 }));

        var removed = await Norms.SetAsync("T1", "max_nudges_per_day", null, "U1", None);

        Assert.That(removed.MaxNudgesPerDay, Is.EqualTo(Core.Norms.TeamNorms.Default.MaxNudgesPerDay));
        Assert.That(await Norms.GetJsonAsync("T2", None), Is.Null);
        Assert.That(await Norms.GetAsync("T2", None), Is.EqualTo(Core.Norms.TeamNorms.Default));
    }

    [Test]
    public async Task A_bad_value_is_refused_naming_its_key_and_nothing_is_stored()
    {
        await Norms.SetAsync("T1", "max_nudges_per_day", JsonValue.Create(2), "U1", None);

        var error = await Assert.ThrowsAsync<NormsFormatException>(() => Norms.SetAsync("T1", "retention_days", JsonValue.Create(1), "U1", None));

        Assert.That(error!.Message, Does.Contain("retention_days"));
        Assert.That((await Norms.GetJsonAsync("T1", None))!.ToJsonString(), Is.EqualTo("{\"max_nudges_per_day\":2}"));
        Assert.That(await Norms.RetentionDaysAsync(None), Is.Empty);
    }

    [Test]
    public async Task Not_helpful_marks_count_each_phrase_once_per_person_and_teach_the_norms_after_enough_people()
    {
        var nudge = await NudgeWithFindingsAsync();
        await Norms.SetAsync("T1", "learn_after", JsonValue.Create(2), "U1", None);

        var first = await Feedback.RecordNotHelpfulAsync(nudge, "U1", Start, None);
        var again = await Feedback.RecordNotHelpfulAsync(nudge, "U1", Start, None);
        await Feedback.RecordNotHelpfulAsync(nudge, "U2", Start, None);
        Norms.Forget("T1");

        Assert.That((first, again), Is.EqualTo((2, 0)));
        Assert.That(await Feedback.VotesAsync("T1", 2, None), Is.EqualTo(new[]
        {
            new PhraseVotes("missing-context", "hello", 2),
            new PhraseVotes("missing-context", "hi", 2),
        }));
        var learned = (await Norms.GetAsync("T1", None)).LearnedPhrases;
        Assert.That(learned.Keys, Is.EqualTo(new[] { "missing-context" }));
        Assert.That(learned["missing-context"], Is.EquivalentTo(new[] { "hello", "hi" }));

        Assert.That(await Feedback.ForgetAsync("T1", "missing-context", "hi", None), Is.EqualTo(2));
        Assert.That(await Feedback.VotesAsync("T1", 1, None), Is.EqualTo(new[] { new PhraseVotes("missing-context", "hello", 2) }));
    }

    // A nudge about missing-context and after-hours-ping; only the first is phrase-based, and its
    // "(mention only)" evidence is not a phrase.
    private async Task<long> NudgeWithFindingsAsync()
    {
        var storage = Provider.Get<IStorage>();
        await using var transaction = await storage.BeginTransactionAsync(None);
        await Provider.Get<IFindingStore>().AddAsync(transaction,
        [
            Finding("missing-context", ["hi", "hello", "(mention only)"]),
            Finding("after-hours-ping", ["22:00 for U7"]),
        ], None);
        var id = await Provider.Get<INudgeStore>().TryAddAsync(transaction,
            new NewNudge("T1", "C1", "1.1", null, "U1", NudgeDelivery.Ephemeral, "{}", Start.AddHours(1), Start.AddHours(-9), ["missing-context", "after-hours-ping"]),
            Start, None);
        await transaction.CommitAsync(None);
        return id!.Value;
    }

    private static Finding Finding(string rule, IReadOnlyList<string> evidence) =>
        new(rule, new TeamId("T1"), new ChannelId("C1"), new MessageTs("1.1"), null, new UserId("U1"), Start, evidence, "");
}
