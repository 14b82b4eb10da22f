-- The registry of installed workspaces. One row per installation: a team id (T…), or an
-- enterprise id (E…) for an org-wide Enterprise Grid install. Tokens are stored only as Data
-- Protection payloads (bot_token, refresh_token), never in clear text. source: 'oauth' (the
-- install flow), 'config' (the team Slack:BotToken belongs to, learned by auth.test), or NULL for
-- a row that only records that a team's token stopped working (as before this migration).
ALTER TABLE installations ADD COLUMN source TEXT NULL;
ALTER TABLE installations ADD COLUMN enterprise_id TEXT NULL;
ALTER TABLE installations ADD COLUMN is_enterprise_install INTEGER NOT NULL DEFAULT 0;
ALTER TABLE installations ADD COLUMN bot_user_id TEXT NULL;
ALTER TABLE installations ADD COLUMN bot_token TEXT NULL;
ALTER TABLE installations ADD COLUMN refresh_token TEXT NULL;
ALTER TABLE installations ADD COLUMN token_expires_at TEXT NULL;
ALTER TABLE installations ADD COLUMN scopes TEXT NULL;
ALTER TABLE installations ADD COLUMN installer_user_id TEXT NULL;
ALTER TABLE installations ADD COLUMN installed_at TEXT NULL;
-- Set by app_uninstalled / tokens_revoked; the team's data is deleted after the retention period.
ALTER TABLE installations ADD COLUMN uninstalled_at TEXT NULL;

CREATE INDEX ix_installations_enterprise ON installations (enterprise_id) WHERE is_enterprise_install = 1;

-- Dry-run is per team: which team a recorded call was made for.
ALTER TABLE slack_api_calls ADD COLUMN team_id TEXT NULL;
