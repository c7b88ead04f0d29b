-- Meetings and their participants (SQLite). Place columns as in legs (see 0003).

CREATE TABLE meetings (
    id                 INTEGER PRIMARY KEY,
    trip_id            INTEGER NOT NULL REFERENCES trips (id) ON DELETE CASCADE,
    date               TEXT,
    part_of_day        TEXT CHECK (part_of_day IN
                           ('early_morning', 'morning', 'midday', 'afternoon', 'evening', 'night')),
    place_name         TEXT,
    place_key          TEXT,
    place_country      TEXT,
    place_country_code TEXT CHECK (place_country_code IS NULL OR length(place_country_code) = 2),
    place_lat          REAL CHECK (place_lat BETWEEN -90 AND 90),
    place_lon          REAL CHECK (place_lon BETWEEN -180 AND 180),
    kind               TEXT    NOT NULL CHECK (kind IN ('meeting', 'meal', 'press', 'ceremony',
                           'site_visit', 'town_hall', 'conference', 'other')),
    summary            TEXT,
    status             TEXT    NOT NULL CHECK (status IN ('completed', 'planned')),
    source_document    TEXT,
    source_sentence    TEXT,
    source_start       INTEGER,
    source_end         INTEGER,
    version            INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    curation           TEXT    NOT NULL CHECK (curation IN ('extracted', 'edited', 'created')),
    natural_key        TEXT    UNIQUE,
    document_id        INTEGER REFERENCES documents (id) ON DELETE SET NULL,
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL,
    CONSTRAINT meetings_place_named CHECK (place_name IS NOT NULL OR place_country IS NULL),
    CONSTRAINT meetings_source_whole CHECK (
        (source_document IS NULL AND source_start IS NULL AND source_end IS NULL)
        OR (source_document IS NOT NULL AND source_sentence IS NOT NULL
            AND 0 <= source_start AND source_start <= source_end))
);
CREATE INDEX meetings_trip ON meetings (trip_id, date);
CREATE INDEX meetings_date ON meetings (date);
CREATE INDEX meetings_place ON meetings (place_key);
CREATE INDEX meetings_country ON meetings (place_country_code);
CREATE INDEX meetings_kind ON meetings (kind);
CREATE INDEX meetings_status ON meetings (status);
CREATE INDEX meetings_document ON meetings (document_id);

-- People met, in the order the text names them.
CREATE TABLE participants (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    -- Position in the meeting's list, from 1.
    ord        INTEGER NOT NULL CHECK (ord >= 1),
    name       TEXT    NOT NULL CHECK (name <> ''),
    -- name folded for ?participant=.
    name_key   TEXT    NOT NULL,
    role       TEXT,
    country    TEXT,
    PRIMARY KEY (meeting_id, ord)
);
CREATE INDEX participants_name ON participants (name_key);
