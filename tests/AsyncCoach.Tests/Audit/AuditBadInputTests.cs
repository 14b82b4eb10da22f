namespace AsyncCoach.Tests.Audit;

/// <summary>Every bad input: exit code 2, a message naming the file (and entry), nothing on stdout.</summary>
public sealed class AuditBadInputTests
{
    private static async Task<AuditResult> AssertRejectedAsync(string[] args, params string[] messageParts)
    {
        var (auditors, _) = RecordingAuditor.Create();
        var result = await AuditRun.RunAsync(auditors, args);
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr);
            Assert.That(result.Stdout, Is.Empty);
            foreach (var part in messageParts)
            {
                Assert.That(result.Stderr, Does.Contain(part));
            }
        });
        return result;
    }

    [TestCase("text")]
    [TestCase("json")]
    [TestCase("jsonl")]
    public async Task A_missing_export_names_the_path(string format)
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-export-{Guid.NewGuid():N}.zip");
        await AssertRejectedAsync([path, "--format", format], path, "no such file");
    }

    [Test]
    public async Task A_file_that_is_not_a_zip_names_the_file()
    {
        using var export = new ExportBuilder().File("export.zip", "this is not a zip archive at all");
        var path = Path.Combine(export.Root, "export.zip");
        await AssertRejectedAsync([path], path, "not a readable zip");
    }

    [Test]
    public async Task A_zip_with_a_corrupt_day_file_names_the_entry_and_prints_no_findings()
    {
        using var export = FullExport.Build();
        export.File("random/2015-06-16.json", "[" + string.Join(",", Enumerable.Range(0, 400).Select(i =>
            $$"""{"user": "U061A1R2R", "text": "message number {{i}} with some words to compress [vague-urgency]", "ts": "1434500000.{{i:000000}}"}""")) + "]");
        var zip = export.Zip();
        CorruptEntryData(zip, "random/2015-06-16.json");

        await AssertRejectedAsync([zip, "--format", "jsonl"], $"{zip}!random/2015-06-16.json");
    }

    [Test]
    public async Task A_truncated_zip_names_the_file()
    {
        using var export = new ExportBuilder();
        var sample = File.ReadAllBytes(ExportBuilder.FixturePath("hfaran-slack-export-viewer", "testarchive.zip"));
        var path = Path.Combine(export.Root, "truncated.zip");
        File.WriteAllBytes(path, sample[..(sample.Length / 2)]);

        await AssertRejectedAsync([path, "--format", "json"], path, "not a readable zip");
    }

    [Test]
    public async Task A_broken_emoji_in_a_message_text_is_read_as_a_replacement_character_not_a_crash()
    {
        // An unpaired UTF-16 surrogate escape, as a truncated emoji leaves it.
        using var export = FullExport.Build().File("general/2015-06-21.json",
            """[{"type": "message", "user": "U061A1R2R", "text": "see you \ud83d there", "ts": "1434900000.000100"}]""");
        var (auditors, seen) = RecordingAuditor.Create();

        var result = await AuditRun.RunAsync(auditors, [export.Root, "--format", "jsonl"]);

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(seen.Select(s => s.Message.Text), Does.Contain("see you \uFFFD there"));
    }

    [Test]
    public async Task A_broken_surrogate_in_another_field_names_the_file()
    {
        using var export = FullExport.Build().File("general/2015-06-22.json",
            """[{"type": "message", "user": "U061A1R2R\udc00", "text": "hello", "ts": "1434900000.000200"}]""");

        await AssertRejectedAsync([export.Root, "--format", "jsonl"], "2015-06-22.json", "not valid text");
    }

    [Test]
    public async Task A_failed_audit_leaves_no_out_file()
    {
        using var export = FullExport.Build().File("general/2015-06-20.json", "{}");
        var outFile = Path.Combine(export.Root, "report.json");

        await AssertRejectedAsync([export.Root, "--format", "json", "--out", outFile], "2015-06-20.json");

        Assert.That(File.Exists(outFile), Is.False);
    }

    [Test]
    public async Task An_out_path_in_a_missing_folder_names_it()
    {
        using var export = FullExport.Build();
        var outFile = Path.Combine(export.Root, "no-such-folder", "report.txt");
        await AssertRejectedAsync([export.Root, "--out", outFile], outFile);
    }

    [Test]
    public async Task Cancellation_prints_nothing_and_exits_130()
    {
        using var export = FullExport.Build();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var code = await AsyncCoach.Cli.AuditCommand.RunAsync([export.Root, "--format", "jsonl"], stdout, stderr, cancelled.Token);

        Assert.That(code, Is.EqualTo(130));
        Assert.That(stdout.ToString(), Is.Empty);
    }

    [Test]
    public async Task A_missing_norms_file_names_it()
    {
        using var export = FullExport.Build();
        var norms = Path.Combine(export.Root, "nope.json");
        await AssertRejectedAsync([export.Root, "--norms", norms], norms);
    }

    [Test]
    public async Task A_missing_users_json_names_it()
    {
        using var export = FullExport.Build();
        File.Delete(Path.Combine(export.Root, "users.json"));
        await AssertRejectedAsync([export.Root], "users.json", "missing");
    }

    [Test]
    public async Task A_missing_channels_json_names_it()
    {
        using var export = FullExport.Build();
        File.Delete(Path.Combine(export.Root, "channels.json"));
        await AssertRejectedAsync([export.Root, "--format", "json"], "channels.json", "missing");
    }

    [Test]
    public async Task A_users_json_that_is_not_json_names_it()
    {
        using var export = FullExport.Build().File("users.json", "[{\"id\": \"U1\",");
        await AssertRejectedAsync([export.Root], "users.json", "not a valid JSON array");
    }

    [Test]
    public async Task A_dms_json_entry_without_id_names_file_and_entry()
    {
        using var export = FullExport.Build().File("dms.json", """[{"id": "D1", "members": []}, {"members": ["U1"]}]""");
        await AssertRejectedAsync([export.Root], "dms.json", "entry 1 has no id");
    }

    [TestCase("{\"messages\": []}")]
    [TestCase("\"just a string\"")]
    [TestCase("")]
    public async Task A_day_file_that_is_not_a_json_array_names_the_file(string content)
    {
        using var export = FullExport.Build().File("general/2015-06-20.json", content);
        await AssertRejectedAsync([export.Root, "--format", "jsonl"], Path.Combine("general", "2015-06-20.json"), "not a JSON array");
    }

    [Test]
    public async Task A_day_file_with_broken_json_names_the_file_and_line()
    {
        using var export = FullExport.Build().File("general/2015-06-20.json", "[\n{\"user\": \"U061A5N1G\", \"ts\": \"1434800000.000001\"},\n{\"user\": \n");
        await AssertRejectedAsync([export.Root, "--format", "jsonl"], Path.Combine("general", "2015-06-20.json"), "invalid JSON at line");
    }

    [Test]
    public async Task A_message_without_ts_names_the_file_and_the_entry()
    {
        using var export = FullExport.Build().File("general/2015-06-20.json", """
            [
              {"user": "U061A5N1G", "text": "fine [vague-urgency]", "ts": "1434800000.000001"},
              {"user": "U061A5N1G", "text": "no ts here"}
            ]
            """);
        await AssertRejectedAsync([export.Root, "--format", "jsonl"], Path.Combine("general", "2015-06-20.json"), "entry 1 has no ts");
    }

    [Test]
    public async Task A_message_with_a_malformed_ts_names_the_file_and_the_entry()
    {
        using var export = FullExport.Build().File("general/2015-06-20.json", """[{"user": "U061A5N1G", "text": "x", "ts": "yesterday"}]""");
        await AssertRejectedAsync([export.Root, "--format", "json"], Path.Combine("general", "2015-06-20.json"), "entry 0", "yesterday");
    }

    [Test]
    public async Task A_day_entry_that_is_not_an_object_names_the_file_and_the_entry()
    {
        using var export = FullExport.Build().File("general/2015-06-20.json", """[{"user": "U061A5N1G", "text": "x", "ts": "1434800000.000001"}, 42]""");
        await AssertRejectedAsync([export.Root, "--format", "text"], Path.Combine("general", "2015-06-20.json"), "entry 1");
    }

    [Test]
    public async Task A_late_failure_prints_nothing_even_after_findings_were_found()
    {
        // Conversations are read in name order: "random" (with findings) before "zzz-last" (broken).
        using var export = FullExport.Build()
            .File("channels.json", """
                [
                  {"id": "C0RANDOM1", "name": "random", "members": ["U061A5N1G", "U061A1R2R"]},
                  {"id": "C0ZZZLAST", "name": "zzz-last", "members": []}
                ]
                """)
            .File("zzz-last/2015-06-20.json", "[{\"user\": \"U061A5N1G\"}]");
        await AssertRejectedAsync([export.Root, "--format", "jsonl"], Path.Combine("zzz-last", "2015-06-20.json"), "entry 0 has no ts");
    }

    [Test]
    public async Task An_unknown_option_is_a_usage_error()
    {
        await AssertRejectedAsync(["--colour", "red", "x.zip"], "unknown option --colour", "see AsyncCoach audit --help");
    }

    [Test]
    public async Task An_unknown_format_is_a_usage_error()
    {
        await AssertRejectedAsync(["x.zip", "--format", "xml"], "--format must be text, json or jsonl");
    }

    [Test]
    public async Task A_norms_file_with_an_unknown_key_names_the_file_and_the_key()
    {
        using var export = FullExport.Build().File("norms.json", """{"working_hours": "09:00-17:00 mon-fri", "brodcast_threshold": 10}""");
        var norms = Path.Combine(export.Root, "norms.json");
        await AssertRejectedAsync([export.Root, "--norms", norms], norms, "brodcast_threshold");
    }

    [Test]
    public async Task A_norms_file_with_a_bad_value_names_the_file_and_the_key()
    {
        using var export = FullExport.Build().File("norms.json", """{"working_hours": "9 to 5"}""");
        var norms = Path.Combine(export.Root, "norms.json");
        await AssertRejectedAsync([export.Root, "--norms", norms], norms, "working_hours");
    }

    /// <summary>Flips bytes in the middle of an entry's compressed data, leaving the zip's directory intact.</summary>
    private static void CorruptEntryData(string zip, string entryName)
    {
        var bytes = File.ReadAllBytes(zip);
        var name = System.Text.Encoding.UTF8.GetBytes(entryName);
        var header = bytes.AsSpan().IndexOf(name); // the local header comes first
        var dataStart = header + name.Length + 40;
        for (var i = dataStart; i < dataStart + 60; i++)
        {
            bytes[i] ^= 0x5A;
        }

        File.WriteAllBytes(zip, bytes);
    }
}
