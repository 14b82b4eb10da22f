-- Each lead's digest setting; a lead without a row gets the default (on, Monday 09:00 in their
-- own zone, the whole workspace). channels_json: null for all channels, else a JSON array of ids.
-- since: the first moment the scheduler knew this lead, so a new lead is not sent a "missed"
-- digest for a week before they were a lead.
CREATE TABLE digest_settings (
    team_id       TEXT    NOT NULL,
    lead_id       TEXT    NOT NULL,
    enabled       INTEGER NOT NULL DEFAULT 1,
    weekday       INTEGER NOT NULL DEFAULT 1,
    local_time    TEXT    NOT NULL DEFAULT '09:00',
    channels_json TEXT    NULL,
    since         TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    PRIMARY KEY (team_id, lead_id)
);

