-- Legs and their stopovers (PostgreSQL).
--
-- Places are columns (name, folded key, country, country code, coordinates), not a table of
-- their own: a place here is a value (the name as the text wrote it, resolved against the
-- gazetteer compiled into the binary), with no identity users edit or share between items.
-- Columns keep a leg one row, a write one statement, and let each place filter of the API
-- (?origin= ?destination= ?place= ?country=) use a plain index.

CREATE TABLE legs (
    id                       BIGINT PRIMARY KEY,
    trip_id                  BIGINT NOT NULL REFERENCES trips (id) ON DELETE CASCADE,
    -- Position of the leg in its trip, from 1.
    seq                      BIGINT NOT NULL CHECK (seq >= 1),
    origin_name              TEXT,
    -- origin_name folded for case- and diacritic-insensitive filters (same for *_key below).
    origin_key               TEXT,
    origin_country           TEXT,
    origin_country_code      TEXT CHECK (origin_country_code IS NULL OR char_length(origin_country_code) = 2),
    origin_lat               DOUBLE PRECISION CHECK (origin_lat BETWEEN -90 AND 90),
    origin_lon               DOUBLE PRECISION CHECK (origin_lon BETWEEN -180 AND 180),
    destination_name         TEXT,
    destination_key          TEXT,
    destination_country      TEXT,
    destination_country_code TEXT CHECK (destination_country_code IS NULL OR char_length(destination_country_code) = 2),
    destination_lat          DOUBLE PRECISION CHECK (destination_lat BETWEEN -90 AND 90),
    destination_lon          DOUBLE PRECISION CHECK (destination_lon BETWEEN -180 AND 180),
    date                     DATE,
    part_of_day              TEXT CHECK (part_of_day IN
                                 ('early_morning', 'morning', 'midday', 'afternoon', 'evening', 'night')),
    mode                     TEXT CHECK (mode IN ('air', 'road', 'rail', 'sea', 'helicopter')),
    status                   TEXT    NOT NULL CHECK (status IN ('completed', 'planned')),
    -- True when the leg was not stated but inferred from consecutive stops.
    inferred                 BOOLEAN NOT NULL DEFAULT FALSE,
    -- Where the leg was read: document name and byte span of the sentence (all null or none).
    source_document          TEXT,
    source_sentence          TEXT,
    source_start             BIGINT,
    source_end               BIGINT,
    version                  BIGINT NOT NULL DEFAULT 1 CHECK (version >= 1),
    curation                 TEXT    NOT NULL CHECK (curation IN ('extracted', 'edited', 'created')),
    natural_key              TEXT    UNIQUE,
    document_id              BIGINT REFERENCES documents (id) ON DELETE SET NULL,
    created_at               TIMESTAMPTZ NOT NULL,
    updated_at               TIMESTAMPTZ NOT NULL,
    CONSTRAINT legs_origin_named CHECK (origin_name IS NOT NULL OR origin_country IS NULL),
    CONSTRAINT legs_destination_named
        CHECK (destination_name IS NOT NULL OR destination_country IS NULL),
    CONSTRAINT legs_source_whole CHECK (
        (source_document IS NULL AND source_start IS NULL AND source_end IS NULL)
        OR (source_document IS NOT NULL AND source_sentence IS NOT NULL
            AND 0 <= source_start AND source_start <= source_end))
);
CREATE INDEX legs_trip ON legs (trip_id, seq);
CREATE INDEX legs_date ON legs (date);
CREATE INDEX legs_origin ON legs (origin_key);
CREATE INDEX legs_destination ON legs (destination_key);
CREATE INDEX legs_origin_country ON legs (origin_country_code);
CREATE INDEX legs_destination_country ON legs (destination_country_code);
CREATE INDEX legs_mode ON legs (mode);
CREATE INDEX legs_status ON legs (status);
CREATE INDEX legs_document ON legs (document_id);

-- Stopovers of a leg ("via Z"), in order.
CREATE TABLE leg_stops (
    leg_id       BIGINT NOT NULL REFERENCES legs (id) ON DELETE CASCADE,
    -- Position among the leg's stopovers, from 1.
    ord          BIGINT NOT NULL CHECK (ord >= 1),
    name         TEXT    NOT NULL CHECK (name <> ''),
    place_key    TEXT    NOT NULL,
    country      TEXT,
    country_code TEXT CHECK (country_code IS NULL OR char_length(country_code) = 2),
    lat          DOUBLE PRECISION CHECK (lat BETWEEN -90 AND 90),
    lon          DOUBLE PRECISION CHECK (lon BETWEEN -180 AND 180),
    PRIMARY KEY (leg_id, ord)
);
CREATE INDEX leg_stops_place ON leg_stops (place_key);
