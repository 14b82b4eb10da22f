-- The outbox carries more than nudges (digests, App Home views): one table, one sender, so every
-- kind shares the per-team lanes, retries, 429 handling, expiry and the revoked-token handling.
-- For a nudge the columns mean what they always did. For any other kind: channel_id and
-- author_id hold the recipient's user id, message_ts holds '<kind>:<key>' (the kind's dedupe
-- key, so the unique (team_id, channel_id, message_ts) makes an enqueue idempotent), delivery
-- holds the kind and content_json the kind's payload.
ALTER TABLE nudges ADD COLUMN kind TEXT NOT NULL DEFAULT 'nudge';
