-- Acknowledged events are made durable in the inbox journal (files beside the database) and
-- written to the inbox table when they are processed. This one row is the journal position
-- processed so far; it is updated in the same transaction as each round's rows and findings.
CREATE TABLE inbox_journal (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    processed_up_to  INTEGER NOT NULL
);

INSERT INTO inbox_journal (id, processed_up_to) VALUES (1, 0);
