-- Trips (SQLite).
--
-- Provenance and curation, here and in legs and meetings:
--   curation     'extracted': as the extractor made it; re-extraction may update or delete it.
--                'edited':    extracted, then changed by a user; re-extraction leaves it alone.
--                'created':   made through the API; never touched by re-extraction.
--   natural_key  for extracted items, a key that survives re-extraction (document, sentence,
--                kind, ordinal; see store::keys); null for items users created.
--   document_id  the document the item was read from (for a trip: its first document).

-- Ids of trips, legs and meetings come from one sequence shared by the three kinds
-- (change_clock.last_id), as the API's ids do, and are never given out twice.

CREATE TABLE trips (
    id             INTEGER PRIMARY KEY,
    traveller_name TEXT    NOT NULL CHECK (traveller_name <> ''),
    -- traveller_name folded (lower case, no diacritics) for ?traveller= (see fold.rs).
    traveller_key  TEXT    NOT NULL,
    traveller_role TEXT,
    title          TEXT,
    summary        TEXT,
    -- Dates a user set on the trip; null: derived from its legs and meetings when loaded.
    start_date     TEXT,
    end_date       TEXT,
    -- JSON array of the names of the documents or records the trip was read from.
    sources        TEXT    NOT NULL DEFAULT '[]',
    -- Incremented by every write; the ETag is derived from it.
    version        INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    curation       TEXT    NOT NULL CHECK (curation IN ('extracted', 'edited', 'created')),
    natural_key    TEXT    UNIQUE,
    document_id    INTEGER REFERENCES documents (id) ON DELETE SET NULL,
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL,
    CONSTRAINT trips_dates_ordered
        CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date),
    CONSTRAINT trips_created_have_no_key
        CHECK (curation <> 'created' OR natural_key IS NULL)
);
CREATE INDEX trips_traveller ON trips (traveller_key);
CREATE INDEX trips_dates ON trips (start_date, end_date);
CREATE INDEX trips_document ON trips (document_id);
