-- Bookkeeping and documents (PostgreSQL).

-- Marks the database as itinerary's. At start-up a database that has tables but not this row
-- is refused instead of written into (see store::sql::schema).
CREATE TABLE itinerary_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO itinerary_meta (key, value) VALUES ('application', 'itinerary');

-- Every document loaded from the seed directory, posted through the API or imported.
-- Identity columns (here and below) draw from a sequence: the id of a deleted row is never
-- given out again, so a URL or ETag a client kept can never point at another item.
CREATE TABLE documents (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         TEXT    NOT NULL UNIQUE CHECK (name <> ''),
    -- 'YYYY-MM-DD', or 'YYYY-MM' when the header gives only the month.
    published    TEXT    NOT NULL CHECK (char_length(published) IN (7, 10)),
    title        TEXT,
    -- The whole document as received, header included: source spans are byte offsets into it.
    text         TEXT    NOT NULL,
    -- SHA-256 of text, lower-case hex. The same name with the same hash is not re-extracted.
    content_hash TEXT    NOT NULL CHECK (char_length(content_hash) = 64),
    -- How it arrived: 'seed' (seed directory), 'api' (POST /documents), 'import' (a dataset).
    origin       TEXT    NOT NULL CHECK (origin IN ('seed', 'api', 'import')),
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX documents_published ON documents (published);
