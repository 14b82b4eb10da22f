namespace AsyncCoach.Tests.Audit;

/// <summary>
/// A full-export layout: public and private channels, group DMs and DMs, with folders named the
/// ways Slack names them (by name; DMs by id), plus a channel folder named by id and a folder
/// that matches nothing. dms.json, mpims.json and the thread are Zulip's hand-written fixtures.
/// </summary>
internal static class FullExport
{
    public const string Users = """
        [
          {"id": "U061A5N1G", "team_id": "T0TEAM", "name": "ana", "tz": "Europe/Berlin", "is_bot": false, "deleted": false, "profile": {"title": "x"}},
          {"id": "U061A1R2R", "team_id": "T0TEAM", "name": "ben", "tz": "America/New_York", "is_bot": false, "deleted": false},
          {"id": "U064KUGRJ", "team_id": "T0TEAM", "name": "chi", "tz": "Asia/Tokyo", "is_bot": false},
          {"id": "U061A3E0G", "team_id": "T0TEAM", "name": "dee", "deleted": true},
          {"id": "UBOT00001", "team_id": "T0TEAM", "name": "deploybot", "tz": "Europe/Berlin", "is_bot": true}
        ]
        """;

    public const string Channels = """
        [
          {"id": "C0RANDOM1", "name": "random", "created": 1434139000, "members": ["U061A5N1G", "U061A1R2R", "U064KUGRJ", "UBOT00001"]},
          {"id": "C0GENERAL", "name": "general", "created": "1434139000", "members": ["U061A5N1G", "U061A1R2R", "U061A3E0G"]}
        ]
        """;

    public const string Groups = """
        [
          {"id": "G0SECRET1", "name": "secret-plans", "members": ["U061A5N1G", "U064KUGRJ"], "is_private": true}
        ]
        """;

    public static ExportBuilder Build() => new ExportBuilder()
        .File("users.json", Users)
        .File("channels.json", Channels)
        .File("groups.json", Groups)
        .CopyFixture("zulip-export-metadata/mpims.json", "mpims.json")
        .CopyFixture("zulip-export-metadata/dms.json", "dms.json")
        .File("integration_logs.json", "[]")
        .CopyFixture("zulip-events/zulip-export-thread_with_broadcast_reply.json", "random/2015-06-12.json")
        .File("random/2015-06-13.json", """
            [
              {"type": "message", "subtype": "channel_join", "user": "U064KUGRJ", "text": "<@U064KUGRJ> has joined the channel", "ts": "1434200000.000100"},
              {"type": "message", "subtype": "bot_message", "bot_id": "B0BOT", "username": "deploybot", "text": "deployed", "ts": "1434200001.000200"},
              {"type": "message", "user": "UBOT00001", "text": "I am a bot user", "ts": "1434200002.000300"},
              {"type": "message", "user": "U061A5N1G", "text": "app posted as a person", "bot_id": "B0APP", "ts": "1434200003.000400"},
              {"type": "message", "subtype": "a_subtype_from_the_future", "user": "U061A5N1G", "text": "?", "ts": "1434200004.000500"},
              {"type": "message", "user": "U061A1R2R", "text": "plain [vague-urgency]", "ts": "1434200005.000600", "blocks": [{"type": "rich_text", "elements": [[1, 2], {"deep": {"er": null}}]}], "reactions": [{"name": "+1", "users": ["U061A5N1G"], "count": 1}], "edited": {"user": "U061A1R2R", "ts": "1434200099.000000"}, "new_field": 3.5e10}
            ]
            """)
        .File("general/2015-06-14.json", """[{"type": "message", "user": "U061A5N1G", "text": "general by name", "ts": "1434300000.000001"}]""")
        .File("C0GENERAL/2015-06-15.json", """[{"type": "message", "user": "U061A1R2R", "text": "general by id", "ts": "1434400000.000002"}]""")
        .File("secret-plans/2019-04-30.json", """[{"type": "message", "user": "U064KUGRJ", "text": "private channel", "ts": "1556638500.000010"}]""")
        .File("mpdm-user9--user2--user10-1/2019-04-30.json", """[{"type": "message", "user": "U061A1R2R", "text": "group DM [missing-context]", "ts": "1556638600.000020"}]""")
        .File("DJ47BL849/2019-04-30.json", """
            [
              {"type": "message", "user": "U061A1R2R", "text": "later [after-hours-ping]", "ts": "1556640000.000100"},
              {"type": "message", "user": "U061A5N1G", "text": "earlier, listed second", "ts": "1556639000.000000"}
            ]
            """)
        .File("old-deleted-channel/2014-01-01.json", """[{"type": "message", "user": "U061A5N1G", "text": "nobody knows this folder", "ts": "1388534400.000000"}]""");
}
