using System.Text;
using AsyncCoach.Slack.Signing;
using Microsoft.Extensions.Time.Testing;

namespace AsyncCoach.Slack.Tests.Signing;

/// <summary>Slack's worked example from https://docs.slack.dev/authentication/verifying-requests-from-slack.</summary>
public sealed class SlackSignatureVerifierTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string ExpectedSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static byte[] Body => File.ReadAllBytes(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "commands", "docs-signing-example-body.txt"));

    private static SlackSignatureVerifier VerifierAt(long unixSeconds) =>
        new(Secret, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));

    [Test]
    public void The_documented_example_body_is_362_bytes() => Assert.That(Body, Has.Length.EqualTo(362));

    [Test]
    public void Accepts_Slacks_documented_example()
    {
        Assert.That(VerifierAt(1531420618).Verify(Timestamp, ExpectedSignature, Body), Is.EqualTo(SignatureCheck.Valid));
    }

    [Test]
    public void Signs_the_documented_example_to_Slacks_signature()
    {
        Assert.That(VerifierAt(1531420618).Sign(Timestamp, Body), Is.EqualTo(ExpectedSignature));
    }

    [Test]
    public void Accepts_an_uppercase_hex_signature()
    {
        var upper = "v0=" + ExpectedSignature[3..].ToUpperInvariant();

        Assert.That(VerifierAt(1531420618).Verify(Timestamp, upper, Body), Is.EqualTo(SignatureCheck.Valid));
    }

    [Test]
    public void Rejects_a_tampered_body()
    {
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("text=", "text=x", StringComparison.Ordinal));

        Assert.That(VerifierAt(1531420618).Verify(Timestamp, ExpectedSignature, tampered), Is.EqualTo(SignatureCheck.Mismatch));
    }

    [Test]
    public void Rejects_a_changed_timestamp_even_within_the_window()
    {
        Assert.That(VerifierAt(1531420618).Verify("1531420619", ExpectedSignature, Body), Is.EqualTo(SignatureCheck.Mismatch));
    }

    [Test]
    public void Rejects_another_secret()
    {
        var verifier = new SlackSignatureVerifier("another-secret", new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1531420618)));

        Assert.That(verifier.Verify(Timestamp, ExpectedSignature, Body), Is.EqualTo(SignatureCheck.Mismatch));
    }

    [TestCase(1531420618 + 300, SignatureCheck.Valid)]
    [TestCase(1531420618 - 300, SignatureCheck.Valid)]
    [TestCase(1531420618 + 301, SignatureCheck.StaleTimestamp)]
    [TestCase(1531420618 - 301, SignatureCheck.StaleTimestamp)]
    [TestCase(1531420618 + 86400, SignatureCheck.StaleTimestamp)]
    public void Enforces_the_five_minute_window_on_both_sides(long now, SignatureCheck expected)
    {
        Assert.That(VerifierAt(now).Verify(Timestamp, ExpectedSignature, Body), Is.EqualTo(expected));
    }

    [TestCase(null, ExpectedSignature, SignatureCheck.MissingTimestamp)]
    [TestCase("", ExpectedSignature, SignatureCheck.MissingTimestamp)]
    [TestCase(Timestamp, null, SignatureCheck.MissingSignature)]
    [TestCase("15314206l8", ExpectedSignature, SignatureCheck.MalformedTimestamp)]
    [TestCase("-1531420618", ExpectedSignature, SignatureCheck.MalformedTimestamp)]
    [TestCase(Timestamp, "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SignatureCheck.MalformedSignature)]
    [TestCase(Timestamp, "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SignatureCheck.MalformedSignature)]
    [TestCase(Timestamp, "v0=a2114d57", SignatureCheck.MalformedSignature)]
    [TestCase(Timestamp, "v0=zz114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SignatureCheck.MalformedSignature)]
    public void Rejects_missing_or_malformed_headers(string? timestamp, string? signature, SignatureCheck expected)
    {
        Assert.That(VerifierAt(1531420618).Verify(timestamp, signature, Body), Is.EqualTo(expected));
    }

    [Test]
    public void Every_failure_has_a_one_line_reason()
    {
        foreach (var check in Enum.GetValues<SignatureCheck>())
        {
            Assert.That(check.Reason(), Is.Not.Empty.And.Not.Contain("\n"));
        }
    }
}
