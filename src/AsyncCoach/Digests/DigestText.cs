using AsyncCoach.Core.Digests;

namespace AsyncCoach.Digests;

/// <summary>The digest as plain text for a terminal: the same sections and words as the DM.</summary>
public static class DigestText
{
    public static void Write(TextWriter writer, Digest digest)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var heading = DigestSections.Heading(digest);
        writer.Write(heading + "\n" + new string('=', heading.Length) + "\n");
        foreach (var section in DigestSections.Compose(digest))
        {
            writer.Write("\n" + section.Title + "\n");
            foreach (var line in section.Lines)
            {
                writer.Write("  " + line + "\n");
            }
        }

        writer.Write("\n" + digest.Footer + "\n");
    }
}
