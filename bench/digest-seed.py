#!/usr/bin/env python3
"""Seeds a SQLite file with AsyncCoach's schema and the digest benchmarks' data (bench/README.md).

  digest-seed.py big <db>    one team (T0BIG) of 500 people with 52 weeks of history:
                             about 5 million findings rows and 250,000 sent nudges, up to
                             Monday 2026-11-30 00:00 UTC; lead U0LEAD000.
  digest-seed.py many <db>   1,000 teams with 10 leads each (10,000 leads), zones spread over
                             UTC, Europe/Berlin, America/New_York, Asia/Kolkata, Asia/Kathmandu.
"""
import glob, os, random, sqlite3, sys

mode, path = sys.argv[1], sys.argv[2]
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(path + suffix):
        os.remove(path + suffix)
db = sqlite3.connect(path)
db.execute("PRAGMA journal_mode = WAL")
db.execute("PRAGMA synchronous = OFF")
here = os.path.dirname(os.path.abspath(__file__))
for script in sorted(glob.glob(os.path.join(here, "..", "src", "AsyncCoach", "Storage", "Migrations", "Sqlite", "*.sql"))):
    db.executescript(open(script).read())
rng = random.Random(17)

def iso(seconds):
    import datetime
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.0000000Z")

if mode == "big":
    end = 1796083200  # 2026-11-30T00:00:00Z, a Monday
    start = end - 52 * 7 * 86400
    rules = ["missing-context", "vague-urgency", "after-hours-ping", "huddle-instead-of-thread", "broadcast-overuse", "message-burst"]
    db.execute("""INSERT INTO team_norms (team_id, norms_json, updated_by, updated_at) VALUES ('T0BIG', '{"leads":["U0LEAD000"]}', 'bench', ?)""", (iso(start),))
    total = 5_000_000
    batch = []
    for i in range(total):
        at = start + rng.randrange(end - start)
        batch.append(("T0BIG", "C%04d" % rng.randrange(20), "%d.%06d" % (at, i % 1000000), rng.choice(rules),
                      "U%04d" % rng.randrange(500), iso(at), "[]", "[]", iso(at)))
        if len(batch) == 100_000:
            db.executemany("INSERT INTO findings (team_id, channel_id, message_ts, rule_id, author_id, at, evidence_json, recipients_json, created_at) VALUES (?,?,?,?,?,?,?,?,?)", batch)
            batch = []
    nudges = []
    for i in range(250_000):
        at = start + rng.randrange(end - start)
        nudges.append(("T0BIG", "C%04d" % rng.randrange(20), "n%d" % i, "U%04d" % rng.randrange(500), "Ephemeral", "sent", 1, iso(at), iso(at), iso(at), iso(at), iso(at)))
    db.executemany("INSERT INTO nudges (team_id, channel_id, message_ts, author_id, delivery, state, attempts, next_attempt_at, expires_at, day_start, created_at, sent_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", nudges)
    db.execute("INSERT INTO nudge_rules (nudge_id, rule_id) SELECT id, CASE id % 3 WHEN 0 THEN 'vague-urgency' WHEN 1 THEN 'missing-context' ELSE 'after-hours-ping' END FROM nudges")
    db.execute("INSERT INTO nudge_feedback (nudge_id, kind, user_id, at) SELECT id, CASE id % 2 WHEN 0 THEN 'thanks' ELSE 'not_helpful' END, author_id, sent_at FROM nudges WHERE id % 5 = 0")
elif mode == "many":
    zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu"]
    for t in range(1000):
        team = "T%04dMANY" % t
        leads = ["U%04dL%02d" % (t, k) for k in range(10)]
        db.execute("INSERT INTO team_norms (team_id, norms_json, updated_by, updated_at) VALUES (?, ?, 'bench', '2026-01-01T00:00:00.0000000Z')",
                   (team, '{"leads":[%s]}' % ",".join('"%s"' % l for l in leads)))
        for k, lead in enumerate(leads):
            db.execute("INSERT INTO person_settings (team_id, user_id, time_zone, opted_out, updated_at) VALUES (?, ?, ?, 0, '2026-01-01T00:00:00.0000000Z')",
                       (team, lead, zones[(t + k) % len(zones)]))
            db.execute("INSERT INTO digest_settings (team_id, lead_id, since, updated_at) VALUES (?, ?, '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z')", (team, lead))
else:
    sys.exit("usage: digest-seed.py big|many <db>")
db.commit()
db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
print(mode, "seeded", path)
