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
    IReadOnlyList<string>? ArtefactNouns = null,
    IReadOnlyDictionary<string, string>? Shorthand = null,
    IReadOnlyList<string>? ReviewVerbs = null,
    IReadOnlyList<string>? FirefightVerbs = null,
    IReadOnlyList<LanguageData>? Languages = null,
    IReadOnlyList<string>? ApproveVerbs = null,
    double MeetingNameWeight = 3,
    IReadOnlyList<string>? MakingVerbs = null,
    IReadOnlyList<string>? MessageNouns = null,
    IReadOnlyList<string>? ValueVerbs = null,
    IReadOnlyList<string>? ValueNouns = null,
    IReadOnlyList<string>? BookingVerbs = null,
    IReadOnlyList<string>? BookingNouns = null);

/// <summary>
/// Another language's words for the same cues (a small lexicon, not a translation): tier cues, meeting
/// words, lead words and the modifiers' phrases. They are added to the English lists when loaded.
/// </summary>
internal sealed record LanguageData(
    string Language,
    IReadOnlyList<CueData> Cues,
    IReadOnlyList<string>? MeetingWords = null,
    IReadOnlyList<string>? LeadWords = null,
    IReadOnlyList<string>? TimeCritical = null,
    IReadOnlyList<string>? SameDay = null,
    IReadOnlyList<string>? Sensitive = null,
    IReadOnlyList<string>? ManyStakeholders = null,
    IReadOnlyList<string>? PeopleNouns = null);

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
    string NextStep,
    IReadOnlyList<string>? Present = null);

internal sealed record SensitiveData(
    IReadOnlyList<string> Phrases,
    IReadOnlyList<string> NotSensitive,
    string NextStep,
    string NextStepConnect,
    IReadOnlyList<string>? NeedsPerson = null,
    IReadOnlyList<string>? ThingHeads = null,
    IReadOnlyList<string>? PersonalOutcomes = null);

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
    string NextStep,
    IReadOnlyList<string>? RoleNouns = null,
    IReadOnlyList<string>? NotPeople = null,
    IReadOnlyList<string>? SiteNouns = null,
    IReadOnlyList<string>? GroupNouns = null,
    IReadOnlyList<string>? RoleSuffixes = null,
    IReadOnlyList<string>? AllWords = null);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(TaxonomyData))]
internal sealed partial class TaxonomyDataContext : JsonSerializerContext;

internal static class TaxonomyDataMerge
{
    /// <summary>The data with every language's lexicon added to the English lists.</summary>
    public static TaxonomyData WithLanguages(this TaxonomyData data)
    {
        if (data.Languages is not { Count: > 0 } languages)
        {
            return data;
        }

        static IReadOnlyList<string> Add(IReadOnlyList<string>? first, IEnumerable<IReadOnlyList<string>?> more) =>
            [.. first ?? [], .. more.SelectMany(m => m ?? [])];

        var m = data.Modifiers;
        return data with
        {
            Cues = [.. data.Cues, .. languages.SelectMany(l => l.Cues)],
            MeetingWords = Add(data.MeetingWords, languages.Select(l => l.MeetingWords)),
            LeadWords = Add(data.LeadWords, languages.Select(l => l.LeadWords)),
            Modifiers = m with
            {
                TimeCritical = m.TimeCritical with
                {
                    Phrases = Add(m.TimeCritical.Phrases, languages.Select(l => l.TimeCritical)),
                    SameDay = Add(m.TimeCritical.SameDay, languages.Select(l => l.SameDay)),
                },
                Sensitive = m.Sensitive with { Phrases = Add(m.Sensitive.Phrases, languages.Select(l => l.Sensitive)) },
                ManyStakeholders = m.ManyStakeholders with
                {
                    Phrases = Add(m.ManyStakeholders.Phrases, languages.Select(l => l.ManyStakeholders)),
                    PeopleNouns = Add(m.ManyStakeholders.PeopleNouns, languages.Select(l => l.PeopleNouns)),
                },
            },
        };
    }
}
