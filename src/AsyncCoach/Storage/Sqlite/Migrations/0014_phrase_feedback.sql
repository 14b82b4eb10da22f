-- "Not helpful here" per phrase: who marked which evidence phrase of which rule, once per person.
-- A phrase marked by enough different people (the learn_after norm) stops triggering its rule
-- for the team; `/async norms unlearn` deletes its rows. No message text: only list phrases.
CREATE TABLE phrase_feedback (
    team_id   TEXT NOT NULL,
    rule_id   TEXT NOT NULL,
    phrase    TEXT NOT NULL,
    user_id   TEXT NOT NULL,
    at        TEXT NOT NULL,
    PRIMARY KEY (team_id, rule_id, phrase, user_id)
);
