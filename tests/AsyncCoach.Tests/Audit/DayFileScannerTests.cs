using System.Text;
using AsyncCoach.Audit;

namespace AsyncCoach.Tests.Audit;

/// <summary>
/// The fast day-file scanner must read exactly what Utf8JsonReader reads, and must decline every
/// file Utf8JsonReader rejects (the reader then reports the error as before).
/// </summary>
public sealed class DayFileScannerTests
{
    private static readonly string SampleFolder = ExportBuilder.FixturePath("hfaran-slack-export-viewer", "extracted");

    /// <summary>Valid files of every shape the scanner must read itself, each with what the reader makes of it.</summary>
    private static readonly string[] Accepted =
    [
        "[]",
        " \t\r\n[ \n ] \n",
        """[{"ts": "1434800000.000001"}]""",
        """
        [
          {
            "type": "message", "user": "U061A5N1G", "text": "It\u0027s \"quoted\" \\ \/ \b\f\n\r\t done",
            "ts": "1434800000.000200", "thread_ts": "1434800000.000100", "reply_count": 3, "score": -0.5e+10,
            "blocks": [{"type": "rich_text", "elements": [[], {}, [1, 2.25, -0, 1E5, true, false, null, "x"]]}],
            "edited": {"user": "U1", "ts": "1.2"}, "is_starred": false, "pinned_to": null
          },
          {"subtype": "bot_message", "bot_id": "B1", "text": "by a bot", "ts": "1434800001.000000", "attachments": [{"fallback": "f"}]},
          {"subtype": "thread_broadcast", "user": "U2", "text": "x", "ts": "1434800002"},
          {"subtype": "file_share", "user": "U2", "text": "x", "ts": "1434800003.5"},
          {"subtype": "me_message", "user": "U2", "text": "x", "ts": "1434800004.000000"},
          {"subtype": null, "user": "U2", "text": null, "ts": "1434800005.000000", "thread_ts": "not a ts"},
          {"subtype": 7, "user": 12, "text": ["x"], "ts": "1434800006.000000", "bot_id": null},
          {"subtype": {"a": [1]}, "user": "U2", "ts": "1434800007.000000"},
          {"subtyp\u0065": "bot_message", "us\u0065r": "U9", "user": "U3", "ts": "1434800008.000000"},
          {"user": "U\u0030\u00311", "text": "caf\u00e9 \u00e9t\u00e9 \ud83d\ude00 😀 naïve 日本", "ts": "1434800009.000000"},
          {"subtype": "thread_\u0062roadcast", "user": "U3", "text": "", "ts": "1434800010.000000"},
          {"subtype": "channel_join", "user": "U3", "text": "<@U3> has joined", "ts": "1434800011.000000"}
        ]
        """,
        "\uFEFF[{\"user\": \"U1\", \"ts\": \"1434800000.000001\", \"text\": \"after a byte order mark\"}]",
        // Out of ts order: sorted by ts, then by position.
        """[{"ts": "3.0", "text": "c"}, {"ts": "1.0", "text": "a"}, {"ts": "2.0", "text": "b1"}, {"ts": "2.0", "text": "b2"}]""",
    ];

    /// <summary>Files Utf8JsonReader rejects or cannot decode; the scanner must leave them to it.</summary>
    private static readonly string[] Declined =
    [
        "",
        "   ",
        "{}",
        "\"just a string\"",
        "[",
        "[{\"ts\": \"1.0\"},]",
        "[{\"ts\": \"1.0\",}]",
        "[{\"ts\": \"1.0\"}] []",
        "[{\"ts\": \"1.0\"}] x",
        "[{\"ts\": \"1.0\"}, 42]",
        "[{\"ts\": \"1.0\", \"n\": 012}]",
        "[{\"ts\": \"1.0\", \"n\": 1.}]",
        "[{\"ts\": \"1.0\", \"n\": -}]",
        "[{\"ts\": \"1.0\", \"n\": 1e}]",
        "[{\"ts\": \"1.0\", \"n\": tru}]",
        "[{\"ts\": \"1.0\", \"n\": nul}]",
        "[{\"ts\": \"1.0\", \"n\": truex}]",
        "[{\"ts\": \"1.0\", \"n\": 1 2}]",
        "[{\"ts\": \"1.0\", \"n\": [1 2]}]",
        "[{\"ts\": \"1.0\", \"n\": {\"a\" 1}}]",
        "[{\"ts\": \"1.0\", \"n\": {\"a\": 1,}}]",
        "[{\"ts\": \"1.0\", \"n\": {1: 1}}]",
        "[{\"ts\": \"1.0\", \"n\": 'single'}]",
        "[{\"ts\": \"1.0\", \"text\": \"a\tb\"}]",
        "[{\"ts\": \"1.0\", \"text\": \"bad \\x escape\"}]",
        "[{\"ts\": \"1.0\", \"text\": \"bad \\u12G4 escape\"}]",
        "[{\"ts\": \"1.0\", \"text\": \"lone \\ud83d surrogate\"}]",
        "[{\"ts\": \"1.0\", \"text\": \"lone \\ude00 surrogate\"}]",
        "[{\"ts\": \"1.0\", \"text\": \"unterminated}]",
        "[{\"ts\": \"1.0\" /* comment */}]",
        "[{\"user\": \"U1\"}]",
        "[{\"ts\": \"yesterday\"}]",
        "[{\"ts\": 1434800000.000001}]",
        "[{}]",
        "[{\"ts\": \"1.0\", \"text\": \"a\", \"text\": \"b\"}]",
        "[{\"ts\": \"1.0\", \"subtype\": null, \"subtype\": \"bot_message\"}]",
        "[{\"ts\": \"1.0\", \"n\": " + new string('[', 40) + new string(']', 40) + "}]",
    ];

    [TestCaseSource(nameof(Accepted))]
    public void Reads_valid_files_itself_exactly_as_the_reader_does(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var scanned = new List<ExportMessage>();
        DayFileParser.Parse(bytes, "day.json", scanned, new DayFileScanner());

        Assert.Multiple(() =>
        {
            Assert.That(new DayFileScanner().TryScan(WithoutByteOrderMark(bytes), []), Is.True, "the scanner declined it");
            Assert.That(scanned, Is.EqualTo(ReadWithReader(bytes)));
        });
    }

    [Test]
    public void Reads_what_the_sample_export_s_day_files_say()
    {
        var files = Directory.EnumerateFiles(SampleFolder, "*.json", SearchOption.AllDirectories)
            .Where(f => char.IsAsciiDigit(Path.GetFileName(f)[0]))
            .ToList();
        Assert.That(files, Has.Count.EqualTo(17));
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var scanned = new List<ExportMessage>();
            Assert.That(new DayFileScanner().TryScan(bytes, scanned), Is.True, file);
            DayFileParser.Parse(bytes, file, scanned, new DayFileScanner());
            Assert.That(scanned, Is.EqualTo(ReadWithReader(bytes)), file);
        }
    }

    [Test]
    public void Reads_an_escaped_text_exactly()
    {
        var messages = new List<ExportMessage>();
        var bytes = Encoding.UTF8.GetBytes("""[{"ts": "1.0", "user": "U\u0031", "text": "It\u0027s \ud83d\ude00 \/ caf\u00e9 日本 \"q\""}]""");

        Assert.That(new DayFileScanner().TryScan(bytes, messages), Is.True);
        Assert.That(messages[0].Text, Is.EqualTo("It's \U0001F600 / café 日本 \"q\""));
        Assert.That(messages[0].User, Is.EqualTo("U1"));
    }

    [Test]
    public void Gives_each_user_one_string()
    {
        var messages = new List<ExportMessage>();
        var bytes = Encoding.UTF8.GetBytes("""[{"ts": "1.0", "user": "U1"}, {"ts": "2.0", "user": "U1"}]""");

        Assert.That(new DayFileScanner().TryScan(bytes, messages), Is.True);
        Assert.That(messages[1].User, Is.SameAs(messages[0].User));
    }

    [TestCaseSource(nameof(Declined))]
    public void Leaves_invalid_or_unusual_files_to_the_reader(string json) =>
        Assert.That(new DayFileScanner().TryScan(WithoutByteOrderMark(Encoding.UTF8.GetBytes(json)), []), Is.False);

    [Test]
    public void Leaves_invalid_utf8_to_the_reader()
    {
        byte[] bytes = [.. "[{\"ts\": \"1.0\", \"text\": \""u8, 0xC3, 0x28, .. "\"}]"u8];
        Assert.That(new DayFileScanner().TryScan(bytes, []), Is.False);
    }

    [Test]
    public void Invalid_files_fail_as_the_reader_words_it()
    {
        var bytes = Encoding.UTF8.GetBytes("[\n{\"user\": \"U061A5N1G\", \"ts\": \"1434800000.000001\"},\n{\"user\": \n");
        var error = Assert.Throws<ExportFormatException>(() => DayFileParser.Parse(bytes, "general/2015-06-20.json", [], new DayFileScanner()));
        Assert.That(error!.Message, Does.StartWith("general/2015-06-20.json: invalid JSON at line 4"));
    }

    /// <summary>
    /// Mutated versions of valid files (bytes deleted, inserted, replaced, cut off): whenever the
    /// scanner accepts one, the reader must accept it too and read the same messages.
    /// </summary>
    [Test]
    public void Accepts_no_mutated_file_that_the_reader_reads_differently_or_rejects()
    {
        var random = new Random(20261125);
        byte[] alphabet = [.. "{}[]\":,\\/ \n\t0123456789-+.eEtrufalsn\u0001"u8, 0xC3, 0xA9, 0x80];
        var seeds = Accepted.Select(Encoding.UTF8.GetBytes).Where(b => b.Length > 10).ToList();
        var accepted = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var bytes = seeds[random.Next(seeds.Count)].ToList();
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(bytes.Count);
                switch (random.Next(4))
                {
                    case 0:
                        bytes.RemoveAt(at);
                        break;
                    case 1:
                        bytes.Insert(at, alphabet[random.Next(alphabet.Length)]);
                        break;
                    case 2:
                        bytes[at] = alphabet[random.Next(alphabet.Length)];
                        break;
                    default:
                        bytes.RemoveRange(at, bytes.Count - at);
                        break;
                }

                if (bytes.Count == 0)
                {
                    break;
                }
            }

            var input = bytes.ToArray();
            var scanned = new List<ExportMessage>();
            if (!new DayFileScanner().TryScan(WithoutByteOrderMark(input), scanned))
            {
                continue;
            }

            accepted++;
            DayFileParser.Parse(input, "day.json", scanned, new DayFileScanner());
            List<ExportMessage> read;
            try
            {
                read = ReadWithReader(input);
            }
            catch (Exception ex) when (ex is ExportFormatException or InvalidOperationException)
            {
                Assert.Fail($"the scanner accepted what the reader rejects ({ex.Message}): {Encoding.UTF8.GetString(input)}");
                return;
            }

            Assert.That(scanned, Is.EqualTo(read), Encoding.UTF8.GetString(input));
        }

        Assert.That(accepted, Is.GreaterThan(500), "too few mutations were valid to say anything");
    }

    private static List<ExportMessage> ReadWithReader(byte[] bytes)
    {
        var read = new List<ExportMessage>();
        DayFileParser.Parse(bytes, "day.json", read);
        return read;
    }

    private static byte[] WithoutByteOrderMark(byte[] bytes) =>
        bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
}
