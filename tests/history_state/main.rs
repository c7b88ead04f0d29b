//! The Office of the Historian's travels and visits, imported and served: the import report
//! accounts for every record, re-importing adds nothing, and known records come out of the
//! real server (ephemeral port, over TCP) as the trips, legs and meetings they describe.
//! Reads `../shared/datasets/history-state`; skips where it is absent, fails when `CI=true`.

mod import;
mod meetings;
mod reimport;
mod served;
mod support;
