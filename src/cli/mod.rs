//! The command-line shell: arguments, the scriptable commands, and output helpers.

mod args;
mod commands;
mod edit;
mod error;
mod list;
pub mod manage_args;
pub mod parse_error;
mod report;
mod transfer;

use std::path::PathBuf;

pub use args::{Cli, Command, Global, ListFormat, ReportFormat};
pub use error::CliError;
pub use report::read_existing;

use crate::assessment::Store;
use crate::checklist::Catalog;
use crate::paths;

impl Global {
    /// The assessment store.
    pub fn store(&self) -> Store {
        Store::new(
            self.data_dir
                .clone()
                .unwrap_or_else(paths::default_data_dir),
        )
    }

    /// The user checklist folder in effect.
    pub fn checklists_dir(&self) -> Option<PathBuf> {
        self.checklists
            .clone()
            .or_else(paths::default_checklists_dir)
    }

    /// The bundled checklists plus the user folder.
    pub fn catalog(&self) -> Result<Catalog, CliError> {
        Ok(Catalog::load(self.checklists_dir().as_deref())?)
    }
}

/// Refuses an output path that would replace an assessment (or lock) file in the data folder: a
/// report or export written there would destroy the answers, lock or no lock.
pub fn guard_output(global: &Global, path: &std::path::Path) -> Result<(), CliError> {
    let store = global.store();
    let canonical = |p: &std::path::Path| std::fs::canonicalize(p).ok();
    let parent = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => std::path::Path::new("."),
    };
    let in_data_dir = match (canonical(parent), canonical(store.dir())) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let ours = name.ends_with(".toml") || (name.starts_with('.') && name.ends_with(".lock"));
    if in_data_dir && ours {
        return Err(CliError::OutputInDataDir(path.to_owned()));
    }
    Ok(())
}

/// Writes to stdout through the terminal sanitiser; a closed pipe is not an error.
pub fn print(text: &str) -> Result<(), CliError> {
    crate::output::print(text).map_err(|source| CliError::Output {
        path: "stdout".into(),
        source,
    })
}

/// Runs a scriptable command.
pub fn run(global: &Global, command: Command) -> Result<(), CliError> {
    match command {
        Command::Answer {
            item,
            status,
            note,
            organisation,
        } => commands::answer(
            global,
            &item,
            &status,
            note.as_deref(),
            organisation.as_deref(),
        ),
        Command::Report {
            format,
            output,
            summary,
            since,
        } => report::report(global, format, output.as_deref(), summary, since),
        Command::Checklists(args) => commands::checklists(global, args.format),
        Command::Validate { files } => commands::validate(global, &files),
        Command::List(args) => list::list(global, args.format),
        Command::Export(args) => transfer::export(global, &args.output, args.force),
        Command::Import(args) => {
            transfer::import(global, &args.file, args.as_name.as_deref(), args.force)
        }
        Command::Intake(args) => edit::intake(global, args.flag.as_deref(), args.answer),
        Command::Plan(args) => edit::plan(global, &args),
        Command::Details(args) => edit::details(global, &args),
    }
}
