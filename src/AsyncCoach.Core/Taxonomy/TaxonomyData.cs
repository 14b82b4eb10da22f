using System.Text.Json.Serialization;

namespace AsyncCoach.Core.Taxonomy;

/// <summary>
/// The shape of taxonomy.en.json: phrase lists, cue weights and next steps, tunable without code.
/// The task's main verb is its first word after any <see cref="LeadWords"/> ("please", "can you", "we
/// need to"…); after one of <see cref="TellingVerbs"/> the next word is a recipient, and a word after
/// one of <see cref="Determiners"/> followed by a noun is a modifier: one-word cues there do not vote.
/// Approving or signing off an object whose head noun is one of <see cref="ArtefactNouns"/> ("the
/// architecture diagram") is review, whatever decide cue the object's other words carry.
/// </summary>
internal sealed record TaxonomyData(
    double MinScore,
    IReadOnlyList<TierData> Tiers,
    IReadOnlyList<CueData> Cues,
    IReadOnlyList<string> MeetingWords,
    IReadOnlyList<string> NotNames,
    ModifierData Modifiers,
    string UnclearNextStep,
    IReadOnlyList<string>? LeadWords = null,
    IReadOnlyList<string>? TellingVerbs = null,
    IReadOnlyList<string>? Determiners = null,
    IReadOnlyList<string>? ArtefactNouns = null);

internal sealed record TierData(int Tier, string Id, string NextStep);

/// <summary>
/// A weighted cue for a tier (or <c>none</c>: matched only to stop shorter cues from using its words).
/// Either <see cref="Phrases"/> (any one) or <see cref="AllOf"/> (one phrase from every group, anywhere in the text).
/// </summary>
internal sealed record CueData(string Tier, double Weight, IReadOnlyList<string>? Phrases = null, IReadOnlyList<IReadOnlyList<string>>? AllOf = null);

internal sealed record ModifierData(TimeCriticalData TimeCritical, SensitiveData Sensitive, ManyStakeholdersData ManyStakeholders);

internal sealed record TimeCriticalData(
    IReadOnlyList<string> Phrases,
    IReadOnlyList<string> Unless,
    IReadOnlyList<string> SameDay,
    IReadOnlyList<string> OtherDay,
    string NextStep);

internal sealed record SensitiveData(
    IReadOnlyList<string> Phrases,
    IReadOnlyList<string> NotSensitive,
    string NextStep,
    string NextStepConnect);

internal sealed record ManyStakeholdersData(
    IReadOnlyList<string> Phrases,
    int MinPeople,
    int MinTeams,
    int MinTimeZones,
    IReadOnlyList<string> PeopleNouns,
    IReadOnlyList<string> TeamNouns,
    IReadOnlyList<string> TimeZoneNouns,
    IReadOnlyList<string> TeamNames,
    IReadOnlyList<string> Places,
    string NextStep);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(TaxonomyData))]
internal sealed partial class TaxonomyDataContext : JsonSerializerContext;
