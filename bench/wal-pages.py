#!/usr/bin/env python3
"""Which tables and indexes the commits in a SQLite WAL wrote, page by page.

usage: wal-pages.py DB WAL_COPY [NUDGES]

WAL_COPY is a copy of DB's -wal file taken while the service ran (it is rewritten from the start
after each complete checkpoint, so copy it mid-run: `cp /tmp/nudge-loop-PID.db-wal /tmp/w`). Each
frame of the WAL is one page written by one commit; this prints the commits it holds, the frames
per commit, and the frames per b-tree (named through DB's dbstat table, so run it on the database
after the service stopped: page numbers of tables and indexes do not move without VACUUM). With
NUDGES (the nudges sent while those commits were written) it divides by them as well.
"""
import sqlite3
import struct
import sys
from collections import Counter

db, wal = sys.argv[1], sys.argv[2]
nudges = int(sys.argv[3]) if len(sys.argv) > 3 else None
data = open(wal, "rb").read()
magic, _, page_size, _, salt1, salt2 = struct.unpack(">IIIIII", data[:24])
owner = {}
for name, pageno in sqlite3.connect(db).execute("SELECT name, pageno FROM dbstat"):
    owner[pageno] = name
frames, commits, per_tree = 0, 0, Counter()
offset = 32
while offset + 24 + page_size <= len(data):
    pgno, commit_size, s1, s2 = struct.unpack(">IIII", data[offset:offset + 16])
    if (s1, s2) != (salt1, salt2):
        break  # frames of an earlier generation of the log: not this one's
    frames += 1
    per_tree[owner.get(pgno, "(freed or new since)")] += 1
    if commit_size:
        commits += 1
    offset += 24 + page_size
print(f"frames {frames}, commits {commits}, frames per commit {frames / max(commits, 1):.2f}")
for name, n in per_tree.most_common():
    extra = f", {n / nudges:.3f} per nudge" if nudges else ""
    print(f"  {name:40s} {n:7d} ({n / max(commits, 1):.3f} per commit{extra})")
