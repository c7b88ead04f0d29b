//! The `itinerary` binary: parse the command line, start logging, run the command.

use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use itinerary::config::{Cli, Command, EvalArgs, ExtractArgs, ImportArgs, ServeArgs};
use itinerary::gazetteer::Gazetteer;
use itinerary::import::{self, ImportSpec};
use itinerary::store::sql::{Backend, redact};
use itinerary::{AppState, Store, ingest, timeline};

/// The allocator of the shipped binary: extraction makes many small, short-lived allocations
/// (words, names, places), which mimalloc serves in fewer instructions than the system's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    itinerary::telemetry::init();
    let outcome = match cli
        .command
        .unwrap_or_else(|| Command::Serve(ServeArgs::default()))
    {
        Command::Serve(args) => run_serve(args),
        Command::Extract(args) => run_extract(args),
        Command::Eval(args) => run_eval(args),
        Command::Import(args) => run_import(args),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            tracing::error!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// How often a served store reads the writes of other instances on its database.
const POLL_EVERY: std::time::Duration = std::time::Duration::from_millis(200);

fn run_serve(args: ServeArgs) -> Result<(), String> {
    let runtime =
        tokio::runtime::Runtime::new().map_err(|e| format!("cannot start runtime: {e}"))?;
    runtime.block_on(serve(args))
}

async fn serve(args: ServeArgs) -> Result<(), String> {
    let started = Instant::now();
    // the gazetteer loads on another core while the database opens and loads
    std::thread::spawn(|| {
        Gazetteer::global();
    });
    let paths = ingest::document_paths(&args.seeds)
        .map_err(|e| format!("cannot read seed directory {}: {e}", args.seeds.display()))?;
    let (documents, skipped) = ingest::read_documents(&paths);
    report_skipped(&skipped, args.strict)?;
    let seeds = documents.len();
    let store = open_store(&args.database, args.in_memory).await?;
    let loaded = store
        .load_seeds(documents, &timeline::drafts)
        .await
        .map_err(|e| format!("cannot store the seed documents: {e}"))?;
    for spec in &args.imports {
        import_at_startup(&store, spec).await?;
    }
    let (trips, legs, meetings) = (
        store.trips().len(),
        store.legs().len(),
        store.meetings().len(),
    );
    tracing::info!(
        documents = seeds,
        changed = loaded.documents.len(),
        trips,
        legs,
        meetings,
        elapsed_ms = started.elapsed().as_millis() as u64,
        "loaded {seeds} seed documents ({} new or changed): {trips} trips, {legs} legs, {meetings} meetings in {:?}",
        loaded.documents.len(),
        started.elapsed()
    );
    let guard = args.access.guard(args.listen)?;
    tracing::info!("{}", guard.describe());
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", args.listen))?;
    tracing::info!(listen = %args.listen, "listening on http://{}", args.listen);
    let state = AppState::new(store).with_guard(guard);
    let _watch = state.store.watch(POLL_EVERY);
    itinerary::serve(listener, state, shutdown_signal())
        .await
        .map_err(|e| format!("server failed: {e}"))
}

/// The store the service runs on: the database of `--database`, or one in memory.
async fn open_store(database: &str, in_memory: bool) -> Result<Store, String> {
    let url = match in_memory {
        true => "sqlite::memory:",
        false => database,
    };
    let backend = Backend::open(url).await.map_err(|e| e.to_string())?;
    tracing::info!(
        database = %redact(url),
        "storing in {} at {}",
        backend.kind(),
        redact(url)
    );
    Store::open(backend)
        .await
        .map_err(|e| format!("cannot load {}: {e}", redact(url)))
}

fn run_extract(args: ExtractArgs) -> Result<(), String> {
    let (documents, skipped) = ingest::read_documents(&args.files);
    report_skipped(&skipped, args.strict)?;
    let output = timeline::extract_all(&documents);
    let json =
        serde_json::to_string_pretty(&output).map_err(|e| format!("cannot write JSON: {e}"))?;
    println!("{json}");
    Ok(())
}

fn run_eval(args: EvalArgs) -> Result<(), String> {
    let report = itinerary::eval::evaluate_dir(&args.gold_dir).map_err(|e| e.to_string())?;
    print!("{}", report.render(args.verbose));
    Ok(())
}

fn run_import(args: ImportArgs) -> Result<(), String> {
    let spec = ImportSpec {
        dataset: args.dataset,
        path: args.path,
    };
    let runtime =
        tokio::runtime::Runtime::new().map_err(|e| format!("cannot start runtime: {e}"))?;
    let report = runtime.block_on(async {
        let store = match args.in_memory {
            true => Store::new(),
            false => open_store(&args.database, false).await?,
        };
        import::import_into(&store, &spec)
            .await
            .map_err(|e| e.to_string())
    })?;
    let text = if args.json {
        serde_json::to_string_pretty(&report).map_err(|e| format!("cannot write JSON: {e}"))?
    } else {
        report.to_string()
    };
    // a closed pipe (`| head`) is the reader's choice, not a failure
    let mut stdout = std::io::stdout().lock();
    match writeln!(stdout, "{}", text.trim_end()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write the report: {e}"))
        }
        _ => Ok(()),
    }
}

async fn import_at_startup(store: &Store, spec: &ImportSpec) -> Result<(), String> {
    let report = import::import_into(store, spec)
        .await
        .map_err(|e| e.to_string())?;
    tracing::info!(
        dataset = %spec.dataset,
        records = report.records_read,
        rejected = report.rejected.len(),
        trips = report.trips,
        meetings = report.meetings,
        elapsed_ms = report.elapsed_ms,
        "imported {}: {} records, {} trips, {} legs, {} meetings, {:.1}% of locales placed, {} rejected",
        spec.dataset,
        report.records_read,
        report.trips,
        report.legs_stated + report.legs_inferred,
        report.meetings,
        report.resolution_percent(),
        report.rejected.len()
    );
    for problem in report.file_errors.iter().chain(&report.rejected) {
        tracing::warn!(dataset = %spec.dataset, record = %problem.record, "{}: {}", problem.record, problem.reason);
    }
    Ok(())
}

fn report_skipped(skipped: &[ingest::Skipped], strict: bool) -> Result<(), String> {
    if strict && let Some(first) = skipped.first() {
        return Err(format!("{first} (strict mode)"));
    }
    for skip in skipped {
        tracing::warn!(path = %skip.path.display(), "{skip}");
    }
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
