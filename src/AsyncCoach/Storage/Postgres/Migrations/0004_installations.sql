-- The registry of installed workspaces (SQLite 0004, 0010, 0011, 0012). Tokens are stored only
-- as Data Protection payloads, never in clear text.
CREATE TABLE installations (
    team_id               text        PRIMARY KEY,
    active                boolean     NOT NULL,
    reason                text        NULL,
    updated_at            timestamptz NOT NULL,
    source                text        NULL,
    enterprise_id         text        NULL,
    is_enterprise_install boolean     NOT NULL DEFAULT false,
    bot_user_id           text        NULL,
    bot_token             text        NULL,
    refresh_token         text        NULL,
    token_expires_at      timestamptz NULL,
    scopes                text        NULL,
    installer_user_id     text        NULL,
    installed_at          timestamptz NULL,
    uninstalled_at        timestamptz NULL
);

CREATE INDEX ix_installations_enterprise ON installations (enterprise_id) WHERE is_enterprise_install;

-- Install links already used: an OAuth state is accepted once.
CREATE TABLE oauth_states (
    nonce       text        PRIMARY KEY,
    used_at     timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);

-- Enterprise Grid: the workspaces of an org-wide installation.
CREATE TABLE installation_teams (
    team_id        text        PRIMARY KEY,
    enterprise_id  text        NOT NULL,
    seen_at        timestamptz NOT NULL
);

-- The Data Protection key ring, shared by every instance so each can read every token. One row
-- per key as Data Protection's own XML (the key material is not encrypted at rest, as with the
-- file key ring: access to this table is access to the tokens).
CREATE TABLE data_protection_keys (
    friendly_name text        PRIMARY KEY,
    xml           text        NOT NULL,
    created_at    timestamptz NOT NULL
);
