using AsyncCoach.Audit;
using AsyncCoach.Core.Digests;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Norms;

namespace AsyncCoach.Digests;

/// <summary>
/// What the offline <c>digest</c> verb was asked for: <c>Week</c> is the Monday of the week (null
/// for the week of the export's last day); <c>Channels</c> are names or ids to narrow to (empty
/// for every conversation, as <c>audit</c>).
/// </summary>
public sealed record ExportDigestRequest(
    string Export,
    DateOnly? Week,
    TimeZoneInfo Zone,
    string? Lead,
    IReadOnlyList<string> Channels,
    int MinGroup,
    TeamNorms Norms);

/// <summary>
/// Fills a <see cref="DigestInput"/> from a Slack export with the audit's reader, tracker and rules:
/// each of the four weeks of the trend is audited on its own, from Monday 00:00 to Monday 00:00
/// in the lead's zone, exactly as <c>audit --from … --to …</c> would, so this week's counts are
/// the audit's counts for that week.
/// </summary>
public static class ExportDigest
{
    public static (DigestInput Input, IReadOnlyList<string> Warnings) Read(ExportDigestRequest request, ConversationAuditorFactory auditors, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var source = ExportSource.Open(request.Export);
        var metadata = ExportMetadata.Read(source);
        var everything = ExportLayout.Plan(source, metadata);
        var days = everything.Conversations.SelectMany(c => c.Days).Select(d => d.Date).ToList();
        if (days.Count == 0)
        {
            throw new ExportFormatException($"{request.Export}: the export has no day files, so there is no week to describe.");
        }

        var (first, last) = (days.Min(), days.Max());
        var week = request.Week is { } monday
            ? DigestWeek.Starting(monday, request.Zone)
            : DigestWeek.Containing(new DateTimeOffset(last.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero), request.Zone);
        var firstInstant = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var lastEnd = new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (week.End <= firstInstant || week.Start >= lastEnd)
        {
            throw new DigestUsageException($"--week {DateOnly.FromDateTime(week.Start.DateTime):yyyy-MM-dd}: the export covers {first:yyyy-MM-dd} to {last:yyyy-MM-dd}; pick a Monday in that range.");
        }

        UserId? lead = null;
        if (request.Lead is { } leadId)
        {
            lead = new UserId(leadId);
            if (!metadata.People.ContainsKey(lead.Value))
            {
                throw new DigestUsageException($"--lead {leadId}: no such user in the export's users.json.");
            }
        }

        var channels = Channels(request.Channels, metadata);
        var tallies = new DigestTally[DigestInput.TrendWeeks];
        var warnings = new List<string>();
        for (var w = 0; w < tallies.Length; w++)
        {
            var span = week.Before(w, request.Zone);
            tallies[w] = new DigestTally(request.Zone, lead);
            var layout = ExportLayout.Plan(source, metadata, DateOnly.FromDateTime(span.Start.UtcDateTime), DateOnly.FromDateTime(span.End.UtcDateTime));
            if (channels is not null)
            {
                layout = layout with { Conversations = [.. layout.Conversations.Where(c => channels.Contains(c.Conversation.Id))] };
            }

            var summary = new AuditSummary { Source = request.Export, RequestedFrom = span.Start, RequestedTo = span.End };
            var factory = TallyingAuditor.Factory(auditors, tallies[w], () => new DigestTally(request.Zone, lead));
            new AuditRunner(factory, request.Norms) { From = span.Start, To = span.End }.Run(source, metadata, layout, summary, null, ct);
            if (w == 0)
            {
                warnings.AddRange(summary.Warnings);
            }
        }

        return (ToInput(week, tallies, firstInstant, request.MinGroup, lead is not null), warnings);
    }

    private static HashSet<ChannelId>? Channels(IReadOnlyList<string> wanted, ExportMetadata metadata)
    {
        if (wanted.Count == 0)
        {
            return null;
        }

        var ids = new HashSet<ChannelId>();
        foreach (var name in wanted)
        {
            var bare = name.TrimStart('#');
            var match = metadata.Conversations.FirstOrDefault(c => c.Id.Value == bare)
                ?? metadata.Conversations.FirstOrDefault(c => string.Equals(c.Name, bare, StringComparison.Ordinal));
            ids.Add(match?.Id ?? throw new DigestUsageException($"--channels: no channel \"{name}\" in this export (give names as in channels.json, or ids)."));
        }

        return ids;
    }

    private static DigestInput ToInput(DigestWeek week, DigestTally[] tallies, DateTimeOffset dataSince, int minGroup, bool withLead)
    {
        var now = tallies[0];
        return new DigestInput
        {
            WeekStart = week.Start,
            WeekEnd = week.End,
            MinGroup = minGroup,
            DataSince = dataSince,
            Findings = [.. tallies.SelectMany((t, w) => t.Rules.Select(r => new RuleWeek(r.Key, w, r.Value.Count, r.Value.People.Count)))],
            ActivityWeeks = [.. tallies.Take(2).Select((t, w) => new ActivityWeek(w, t.Messages.Count, t.Messages.People.Count, t.AfterHours.Count, t.AfterHours.People.Count))],
            Activity = [.. now.ActivitySlots()],
            Channels = [.. now.Channels.Select(c => new ChannelWeek(c.Key.Value, now.ChannelNames[c.Key], c.Value.Count, c.Value.People.Count))],
            Lead = withLead ? new LeadHabits(now.LeadWeek(), tallies[1].LeadWeek()) : null,
        };
    }
}
