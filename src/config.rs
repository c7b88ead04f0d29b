//! Command-line settings, each flag with its environment twin.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::import::{Dataset, ImportSpec};

/// itinerary: diplomatic visits as a timeline of trips, legs and meetings.
#[derive(Debug, Parser)]
#[command(name = "itinerary", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What to do; `serve` when none is given.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load the seed documents and serve the JSON API.
    Serve(ServeArgs),
    /// Extract documents offline and print trips, legs and meetings as JSON.
    Extract(ExtractArgs),
    /// Score extraction against gold annotations (`NAME.txt` beside `NAME.gold.json`).
    Eval(EvalArgs),
    /// Import a dataset of records (`history-state PATH`) and print the import report.
    Import(ImportArgs),
}

/// Settings of `itinerary serve`.
#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Directory of seed documents (`*.txt`) loaded at start-up.
    #[arg(long, env = "ITINERARY_SEEDS", default_value = "seeds")]
    pub seeds: PathBuf,
    /// Address to listen on.
    #[arg(long, env = "ITINERARY_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Refuse to start when a seed document cannot be loaded, instead of skipping it.
    #[arg(long, env = "ITINERARY_STRICT")]
    pub strict: bool,
    /// Database keeping documents and every edit: `sqlite://PATH` (created on first start)
    /// or `postgres://USER@HOST/DB` (shared by several instances).
    #[arg(
        long,
        env = "ITINERARY_DATABASE",
        default_value = "sqlite://data/itinerary.db",
        conflicts_with = "in_memory"
    )]
    pub database: String,
    /// Keep everything in memory only: edits and posted documents are lost at exit.
    #[arg(long, env = "ITINERARY_IN_MEMORY")]
    pub in_memory: bool,
    /// Datasets imported at start-up beside the seeds, as DATASET=PATH
    /// (`history-state=../shared/datasets/history-state`); repeatable.
    #[arg(long = "import", env = "ITINERARY_IMPORT", value_delimiter = ',')]
    pub imports: Vec<ImportSpec>,
    #[command(flatten)]
    pub access: AccessArgs,
}

/// Who may write, and how often.
#[derive(Debug, Clone, Args)]
pub struct AccessArgs {
    /// Bearer token that every POST, PUT, PATCH and DELETE must present. Without one, writes
    /// are allowed only when listening on loopback.
    #[arg(long, env = "ITINERARY_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// File holding the bearer token (first line), instead of `--token`.
    #[arg(long, env = "ITINERARY_TOKEN_FILE", conflicts_with = "token")]
    pub token_file: Option<PathBuf>,
    /// Writes per second allowed to each remote client (bursts of twice that); 0 for no
    /// limit. Clients on loopback are not limited.
    #[arg(long, env = "ITINERARY_WRITE_LIMIT", default_value_t = 10)]
    pub write_limit: u32,
}

impl AccessArgs {
    /// The write guard for a server listening on `listen`. Fails when the token file cannot
    /// be read or is empty.
    pub fn guard(&self, listen: SocketAddr) -> Result<crate::http::WriteGuard, String> {
        let from_file = match &self.token_file {
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|e| {
                    format!("cannot read ITINERARY_TOKEN_FILE {}: {e}", path.display())
                })?;
                let token = text.lines().next().unwrap_or_default().trim().to_owned();
                if token.is_empty() {
                    return Err(format!("ITINERARY_TOKEN_FILE {} is empty", path.display()));
                }
                Some(token)
            }
            None => None,
        };
        let token = from_file.as_deref().or(self.token.as_deref());
        Ok(crate::http::WriteGuard::new(
            token,
            listen,
            self.write_limit,
        ))
    }
}

impl Default for ServeArgs {
    fn default() -> Self {
        #[derive(Parser)]
        struct Defaults {
            #[command(flatten)]
            serve: ServeArgs,
        }
        Defaults::parse_from(["itinerary"]).serve
    }
}

/// Settings of `itinerary import`.
#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// The dataset: `history-state` (the Office of the Historian's travels and visits).
    pub dataset: Dataset,
    /// The dataset's folder (for history-state: the one holding travels/ and visits/).
    pub path: PathBuf,
    /// Print the report as JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Database to import into, as for `serve`: importing the same records again writes
    /// nothing, and what users curated stays.
    #[arg(
        long,
        env = "ITINERARY_DATABASE",
        default_value = "sqlite://data/itinerary.db",
        conflicts_with = "in_memory"
    )]
    pub database: String,
    /// Import into memory only, to read the report: nothing is stored.
    #[arg(long, env = "ITINERARY_IN_MEMORY")]
    pub in_memory: bool,
}

/// Settings of `itinerary extract`.
#[derive(Debug, Clone, Args)]
pub struct ExtractArgs {
    /// Document files to extract.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Fail when a file cannot be read as a document, instead of skipping it.
    #[arg(long)]
    pub strict: bool,
}

/// Settings of `itinerary eval`.
#[derive(Debug, Clone, Args)]
pub struct EvalArgs {
    /// Directory of documents `NAME.txt`, each with its `NAME.gold.json`.
    pub gold_dir: PathBuf,
    /// List every missed and every extra leg or meeting with its document and sentence.
    #[arg(long)]
    pub verbose: bool,
}
