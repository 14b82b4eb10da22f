#!/usr/bin/env python3
"""Seeds a SQLite file with AsyncCoach's schema and the digest benchmarks' data (bench/README.md).

  digest-seed.py big <db>    one team (T0BIG) of 500 people with 52 weeks of history:
                             about 5 million findings rows, 250,000 sent nudges, hourly
                             activity counters and who-wrote-when rows, up to Monday
                             2026-11-30 00:00 UTC; lead U0LEAD000.
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
for script in sorted(glob.glob(os.path.join(here, "..", "src", "AsyncCoach", "Storage", "Sqlite", "Migrations", "*.sql"))):
    db.executescript(open(script).read())
def iso(seconds):
    import datetime
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.0000000Z")

if mode == "big":
    # Generated inside SQLite (recursive CTEs, one transaction, secondary indexes built after the
    # rows): the former Python loop of 5 M rows did not finish under load. Deterministic: the
    # "random" choices are multiplicative hashes of the row number.
    end = 1796083200  # 2026-11-30T00:00:00Z, a Monday
    start = end - 52 * 7 * 86400
    span = end - start
    total = 5_000_000
    db.execute("""INSERT INTO team_norms (team_id, norms_json, updated_by, updated_at) VALUES ('T0BIG', '{"leads":["U0LEAD000"]}', 'bench', ?)""", (iso(start),))
    indexes = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('findings', 'activity_people') AND sql IS NOT NULL").fetchall()
    for name, _ in indexes:
        db.execute("DROP INDEX " + name)
    # Findings spread evenly over the year (at grows with the row number, plus up to 59 s of jitter);
    # one in six is after-hours-ping, reaching one person; the lead is one of the 500 authors.
    db.execute("""
        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < :total - 1)
        INSERT INTO findings (team_id, channel_id, message_ts, rule_id, author_id, at, evidence_json, recipients_json, created_at)
        SELECT 'T0BIG', printf('C%04d', (i * 7919) % 20), printf('%d.%06d', t, i % 1000000), rule,
               CASE WHEN (i * 2654435761) % 500 = 0 THEN 'U0LEAD000' ELSE printf('U%04d', (i * 2654435761) % 500) END,
               strftime('%Y-%m-%dT%H:%M:%S.0000000Z', t, 'unixepoch'), '[]',
               CASE WHEN rule = 'after-hours-ping' THEN json_array(json_object('user', printf('U%04d', (i * 40503) % 500), 'time_zone', 'UTC')) ELSE '[]' END,
               strftime('%Y-%m-%dT%H:%M:%S.0000000Z', t, 'unixepoch')
        FROM (SELECT i, :start + (i * :span) / :total + (i * 31) % 60 AS t,
                     CASE (i * 40009) % 6 WHEN 0 THEN 'missing-context' WHEN 1 THEN 'vague-urgency' WHEN 2 THEN 'after-hours-ping'
                                         WHEN 3 THEN 'huddle-instead-of-thread' WHEN 4 THEN 'broadcast-overuse' ELSE 'message-burst' END AS rule
              FROM n)
        """, {"total": total, "start": start, "span": span})
    # Hourly counters for the year: 4 channel kinds per hour, busier in working hours, and who
    # wrote in which hour (about 300 of the 500 people in a working hour, 40 outside).
    db.execute("""
        WITH RECURSIVE h(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM h WHERE k < :hours - 1),
             kinds(kind, share) AS (VALUES ('public', 5), ('private', 2), ('mpim', 1), ('im', 3))
        INSERT INTO activity_counters (team_id, hour, kind, messages, after_hours)
        SELECT 'T0BIG', strftime('%Y-%m-%dT%H:00:00.0000000Z', :start + k * 3600, 'unixepoch'), kind,
               share * (CASE WHEN (k % 24) BETWEEN 8 AND 17 AND (k / 24) % 7 < 5 THEN 50 ELSE 6 END) + k % 7,
               share * (CASE WHEN (k % 24) BETWEEN 8 AND 17 AND (k / 24) % 7 < 5 THEN 3 ELSE 4 END)
        FROM h, kinds
        """, {"hours": span // 3600, "start": start})
    db.execute("""
        WITH RECURSIVE h(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM h WHERE k < :hours - 1),
             p(u) AS (SELECT 0 UNION ALL SELECT u + 1 FROM p WHERE u < 499)
        INSERT INTO activity_people (team_id, hour, author_id)
        SELECT 'T0BIG', strftime('%Y-%m-%dT%H:00:00.0000000Z', :start + k * 3600, 'unixepoch'),
               CASE WHEN u = 0 THEN 'U0LEAD000' ELSE printf('U%04d', u) END
        FROM h, p
        WHERE (u * 7 + k) % 500 < CASE WHEN (k % 24) BETWEEN 8 AND 17 AND (k / 24) % 7 < 5 THEN 300 ELSE 40 END
        """, {"hours": span // 3600, "start": start})
    for _, sql in indexes:
        db.execute(sql)
    nudges = []
    rng = random.Random(17)
    for i in range(250_000):
        at = start + rng.randrange(span)
        nudges.append(("T0BIG", "C%04d" % rng.randrange(20), "n%d" % i, "U%04d" % rng.randrange(500), "Ephemeral", "sent", 1, iso(at), iso(at), iso(at), iso(at), iso(at)))
    db.executemany("INSERT INTO nudges (team_id, channel_id, message_ts, author_id, delivery, state, attempts, next_attempt_at, expires_at, day_start, created_at, sent_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", nudges)
    db.execute("INSERT INTO nudge_rules (nudge_id, rule_id) SELECT id, CASE id % 3 WHEN 0 THEN 'vague-urgency' WHEN 1 THEN 'missing-context' ELSE 'after-hours-ping' END FROM nudges")
    db.execute("INSERT INTO nudge_feedback (nudge_id, kind, user_id, at) SELECT id, CASE id % 2 WHEN 0 THEN 'thanks' ELSE 'not_helpful' END, author_id, sent_at FROM nudges WHERE id % 5 = 0")
    # The digest's counters (migrations 0022, 0023) from the rows just generated: each migration's
    # statements after its "-- Backfill" line.
    for name in ("0022_finding_counts.sql", "0023_nudge_counts.sql"):
        script = open(os.path.join(here, "..", "src", "AsyncCoach", "Storage", "Sqlite", "Migrations", name)).read()
        db.executescript(script[script.index("-- Backfill"):])
    db.execute("ANALYZE")
elif mode == "many":
    zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu"]
    for t in range(1000):
        team = "T%04dMANY" % t
        leads = ["U%04dL%02d" % (t, k) for k in range(10)]
        db.execute("INSERT INTO team_norms (team_id, norms_json, updated_by, updated_at) VALUES (?, ?, 'bench', '2026-01-01T00:00:00.0000000Z')",
                   (team, '{"leads":[%s]}' % ",".join('"%s"' % l for l in leads)))
        # The scheduler iterates installed, active teams only (the registry of installations).
        db.execute("INSERT INTO installations (team_id, active, source, installed_at, updated_at) VALUES (?, 1, 'oauth', '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z')", (team,))
        for k, lead in enumerate(leads):
            db.execute("INSERT INTO person_settings (team_id, user_id, time_zone, opted_out, updated_at) VALUES (?, ?, ?, 0, '2026-01-01T00:00:00.0000000Z')",
                       (team, lead, zones[(t + k) % len(zones)]))
            db.execute("INSERT INTO digest_settings (team_id, lead_id, since, updated_at) VALUES (?, ?, '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z')", (team, lead))
else:
    sys.exit("usage: digest-seed.py big|many <db>")
db.commit()
db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
print(mode, "seeded", path)
