using System.Text;
using AsyncCoach.Core.Model;

namespace AsyncCoach.Core.Tests.Model;

public sealed class MessageSubtypesTests
{
    [TestCase(null, true)]
    [TestCase("thread_broadcast", true)]
    [TestCase("file_share", true)]
    [TestCase("me_message", true)]
    [TestCase("bot_message", false)]
    [TestCase("channel_join", false)]
    [TestCase("message_changed", false)]
    [TestCase("", false)]
    [TestCase("File_Share", false)]
    public void A_subtype_is_a_person_writing_only_when_listed(string? subtype, bool human)
    {
        Assert.That(MessageSubtypes.IsHuman(subtype), Is.EqualTo(human));
        if (subtype is not null)
        {
            Assert.That(MessageSubtypes.IsHuman(Encoding.UTF8.GetBytes(subtype)), Is.EqualTo(human), "the UTF-8 form agrees");
        }
    }
}
