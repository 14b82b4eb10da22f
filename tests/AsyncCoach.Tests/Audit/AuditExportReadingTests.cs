using System.Text.Json;
using AsyncCoach.Core.Model;

namespace AsyncCoach.Tests.Audit;

public sealed class AuditExportReadingTests
{
    private static readonly string SampleFolder = ExportBuilder.FixturePath("hfaran-slack-export-viewer", "extracted");
    private static readonly string SampleZip = ExportBuilder.FixturePath("hfaran-slack-export-viewer", "testarchive.zip");

    [Test]
    public async Task Real_2016_sample_evaluates_only_the_human_messages_of_its_158()
    {
        var (auditors, seen) = RecordingAuditor.Create();

        var result = await AuditRun.RunAsync(auditors, SampleFolder, "--format", "json");

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        var summary = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("summary");
        Assert.Multiple(() =>
        {
            // PROVENANCE: 158 messages; 94 bot_message, 8 channel_join, 3 bot_add and 1 file_comment
            // are never evaluated; the 49 plain messages and 3 file_share posts by people are.
            Assert.That(summary.GetProperty("messages_read").GetInt64(), Is.EqualTo(158));
            Assert.That(summary.GetProperty("messages_evaluated").GetInt64(), Is.EqualTo(52));
            Assert.That(summary.GetProperty("messages_skipped_bot_or_system").GetInt64(), Is.EqualTo(106));
            Assert.That(summary.GetProperty("people").GetInt32(), Is.EqualTo(4));
            Assert.That(summary.GetProperty("conversations").GetInt32(), Is.EqualTo(2));
            // 9 day files in enrique/ and 8 in traveling-sailor/ (the shared PROVENANCE's "19" counts 2 more).
            Assert.That(summary.GetProperty("day_files").GetInt32(), Is.EqualTo(17));
            Assert.That(seen, Has.Count.EqualTo(52));
            Assert.That(seen.Select(s => s.Message.Channel.Value).Distinct(), Is.EquivalentTo(new[] { "C0JGLMMNX", "C0JL6CGQ2" }));
            Assert.That(seen.Count(s => s.Message.Channel.Value == "C0JGLMMNX"), Is.EqualTo(30));
            Assert.That(seen.Select(s => s.Message.Team.Value).Distinct(), Is.EqualTo(new[] { "T0BMHLSRH" }));
            Assert.That(seen.Select(s => s.Message.Author.Value), Is.All.StartsWith("U0BM"));
            Assert.That(result.Stderr, Is.Empty);
        });
    }

    [Test]
    public async Task Real_2016_sample_is_read_in_ts_order_per_conversation()
    {
        var (auditors, seen) = RecordingAuditor.Create();

        var result = await AuditRun.RunAsync(auditors, SampleFolder, "--format", "jsonl");

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        foreach (var group in seen.GroupBy(s => s.Conversation.Id))
        {
            Assert.That(group.Select(s => s.Message.Ts.Micros), Is.Ordered, group.Key.Value);
        }
    }

    [Test]
    public async Task Real_2016_sample_zip_reads_like_its_extracted_folder()
    {
        var (folderAuditors, fromFolder) = RecordingAuditor.Create();
        var (zipAuditors, fromZip) = RecordingAuditor.Create();

        var folder = await AuditRun.RunAsync(folderAuditors, SampleFolder, "--format", "json");
        var zip = await AuditRun.RunAsync(zipAuditors, SampleZip, "--format", "json");

        Assert.That(zip.ExitCode, Is.Zero, zip.Stderr);
        Assert.That(
            fromZip.OrderBy(s => s.Message.Channel.Value, StringComparer.Ordinal).Select(s => (s.Message.Channel, s.Message.Ts, s.Message.Author, s.Message.Text)),
            Is.EqualTo(fromFolder.OrderBy(s => s.Message.Channel.Value, StringComparer.Ordinal).Select(s => (s.Message.Channel, s.Message.Ts, s.Message.Author, s.Message.Text))));
        Assert.That(
            JsonDocument.Parse(zip.Stdout).RootElement.GetProperty("summary").GetProperty("messages_read").GetInt64(),
            Is.EqualTo(158));
        Assert.That(fromZip, Has.Count.EqualTo(52));
    }

    [Test]
    public async Task Full_export_matches_folders_by_name_or_id_to_channels_groups_mpims_and_dms()
    {
        using var export = FullExport.Build();
        var (auditors, seen) = RecordingAuditor.Create();

        var result = await AuditRun.RunAsync(auditors, export.Root, "--format", "jsonl");

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        var byChannel = seen.GroupBy(s => s.Message.Channel.Value).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Multiple(() =>
        {
            Assert.That(byChannel.Keys, Is.EquivalentTo(new[] { "C0RANDOM1", "C0GENERAL", "G0SECRET1", "G9HBG2A5D", "DJ47BL849" }));
            Assert.That(byChannel["G0SECRET1"][0].Message.Kind, Is.EqualTo(ConversationKind.Group));
            Assert.That(byChannel["G9HBG2A5D"][0].Message.Kind, Is.EqualTo(ConversationKind.Mpim));
            Assert.That(byChannel["G9HBG2A5D"][0].Conversation.Members, Has.Count.EqualTo(4));
            Assert.That(byChannel["DJ47BL849"][0].Message.Kind, Is.EqualTo(ConversationKind.Im));
            Assert.That(byChannel["DJ47BL849"][0].Conversation.Members.Select(m => m.Value), Is.EquivalentTo(new[] { "U061A1R2R", "U061A5N1G" }));
            // A folder named by the channel's name and one named by its id are the same conversation, in date order.
            Assert.That(byChannel["C0GENERAL"].Select(s => s.Message.Text), Is.EqualTo(new[] { "general by name", "general by id" }));
            // Member counts exclude bots and deactivated users.
            Assert.That(byChannel["C0RANDOM1"][0].Conversation.MemberCount, Is.EqualTo(3));
            Assert.That(byChannel["C0GENERAL"][0].Conversation.MemberCount, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Thread_replies_and_broadcast_replies_are_evaluated_with_their_thread()
    {
        using var export = FullExport.Build();
        var (auditors, seen) = RecordingAuditor.Create();

        await AuditRun.RunAsync(auditors, export.Root, "--format", "jsonl");

        var thread = seen.Where(s => s.Message.Channel.Value == "C0RANDOM1" && s.Message.ThreadTs is not null).Select(s => s.Message).ToList();
        Assert.That(thread.Select(m => (m.Ts.Value, m.IsThreadReply)), Is.EqualTo(new[]
        {
            ("1434139102.000002", false),
            ("1434139103.000002", true),
            ("1434139104.000002", true),
        }));
        Assert.That(thread.Select(m => m.ThreadTs?.Value), Is.All.EqualTo("1434139102.000002"));
    }

    [Test]
    public async Task Bots_system_subtypes_and_unknown_subtypes_are_skipped_and_unknown_fields_ignored()
    {
        using var export = FullExport.Build();
        var (auditors, seen) = RecordingAuditor.Create();

        var result = await AuditRun.RunAsync(auditors, export.Root, "--format", "json");

        var day = seen.Where(s => s.Message.Ts.Micros >= 1434200000_000000 && s.Message.Ts.Micros < 1434300000_000000).ToList();
        Assert.That(day.Select(s => s.Message.Ts.Value), Is.EqualTo(new[] { "1434200005.000600" }));
        var summary = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("summary");
        Assert.That(summary.GetProperty("messages_skipped_bot_or_system").GetInt64(), Is.EqualTo(5));
    }

    [Test]
    public async Task Messages_of_a_day_are_evaluated_in_ts_order_even_when_listed_out_of_order()
    {
        using var export = FullExport.Build();
        var (auditors, seen) = RecordingAuditor.Create();

        await AuditRun.RunAsync(auditors, export.Root, "--format", "jsonl");

        Assert.That(seen.Where(s => s.Message.Channel.Value == "DJ47BL849").Select(s => s.Message.Ts.Value),
            Is.EqualTo(new[] { "1556639000.000000", "1556640000.000100" }));
    }

    [Test]
    public async Task A_folder_that_matches_no_conversation_is_a_warning_not_a_failure()
    {
        using var export = FullExport.Build();
        var (auditors, seen) = RecordingAuditor.Create();

        var result = await AuditRun.RunAsync(auditors, export.Root, "--format", "jsonl");

        Assert.That(result.ExitCode, Is.Zero);
        Assert.That(result.Stderr, Does.Contain("warning:").And.Contain("old-deleted-channel"));
        Assert.That(seen.Select(s => s.Message.Text), Has.None.EqualTo("nobody knows this folder"));
    }

    [Test]
    public async Task A_zip_with_everything_under_one_top_folder_is_read_from_that_folder()
    {
        using var export = FullExport.Build();
        var zip = export.Zip(topFolder: "Acme Slack export Jun 1 2015 - Jun 1 2019");
        var (auditors, seen) = RecordingAuditor.Create();

        var result = await AuditRun.RunAsync(auditors, zip, "--format", "jsonl");

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(seen.Select(s => s.Message.Channel.Value).Distinct(), Has.Member("DJ47BL849").And.Member("G9HBG2A5D"));
    }

    [Test]
    public async Task From_and_to_limit_the_messages_evaluated()
    {
        using var export = FullExport.Build();
        var (auditors, seen) = RecordingAuditor.Create();

        var result = await AuditRun.RunAsync(auditors, export.Root, "--from", "2015-06-14", "--to", "2015-06-15", "--format", "json");

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(seen.Select(s => s.Message.Text), Is.EqualTo(new[] { "general by name", "general by id" }));
    }
}
