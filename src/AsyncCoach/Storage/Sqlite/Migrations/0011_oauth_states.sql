-- Install links already used: an OAuth state is accepted once. Kept until it would have expired
-- anyway (the retention pass deletes older rows); the nonce is random and names nobody.
CREATE TABLE oauth_states (
    nonce       TEXT PRIMARY KEY,
    used_at     TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);
