-- Enterprise Grid: the workspaces of an org-wide installation (keyed by the org's E… id), learned
-- from events that carry enterprise_id with is_enterprise_install, so a workspace's calls use its
-- organisation's token.
CREATE TABLE installation_teams (
    team_id        TEXT PRIMARY KEY,
    enterprise_id  TEXT NOT NULL,
    seen_at        TEXT NOT NULL
);
