-- Trips imported from datasets (SQLite).

-- The hash of what each import key produced when it was last stored (see domain::KeyedDraft).
-- Importing a key again with the same hash would change nothing, so it is skipped without
-- reading its rows; a changed hash is synchronised as before and its hash replaced.
CREATE TABLE imports (
    import_key TEXT PRIMARY KEY,
    hash       TEXT NOT NULL CHECK (length(hash) = 64)
);
