-- Curation memory and the change log (SQLite).

-- Extracted items a user deleted. Re-extraction skips these keys, so a deleted meeting does
-- not come back when its document is loaded again. Goes with its document.
CREATE TABLE tombstones (
    natural_key TEXT    PRIMARY KEY,
    entity      TEXT    NOT NULL CHECK (entity IN ('trip', 'leg', 'meeting')),
    document_id INTEGER REFERENCES documents (id) ON DELETE CASCADE,
    deleted_at  TEXT    NOT NULL
);
CREATE INDEX tombstones_document ON tombstones (document_id);

-- One row; every write transaction increments seq first. The row lock it takes orders the
-- writers, so seq order is commit order and a reader of the change log never misses a write.
CREATE TABLE change_clock (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    seq     INTEGER NOT NULL CHECK (seq >= 0),
    -- The highest trip, leg or meeting id given out so far (deleted ones included).
    last_id INTEGER NOT NULL CHECK (last_id >= 0)
);
INSERT INTO change_clock (id, seq, last_id) VALUES (1, 0, 0);

-- Which items each committed write touched. Other processes on the same database poll it to
-- refresh their in-memory model (store::sql::changes); old rows are pruned.
CREATE TABLE changes (
    seq        INTEGER NOT NULL,
    entity     TEXT    NOT NULL CHECK (entity IN ('document', 'trip', 'leg', 'meeting')),
    item_id    INTEGER NOT NULL,
    changed_at TEXT    NOT NULL,
    PRIMARY KEY (seq, entity, item_id)
);
