//! The command-line shell: arguments, the scriptable commands, and output helpers.

mod args;
mod commands;
mod documents;
mod documents_args;
mod edit;
mod list;
pub mod manage_args;
pub mod parse_error;
mod report;
mod statement;
mod transfer;

use std::path::Path;

pub use crate::error::Error;
pub use args::{Cli, Command, Global, ListFormat, ReportFormat};
pub use report::{read_as_stored, read_existing};

pub use crate::config::Config;

impl Global {
    /// The validated settings; `explicit` says whether `-a` was given (or set in the environment).
    pub fn config(&self, explicit: bool) -> Config {
        Config {
            assessment: self.assessment.clone(),
            explicit_assessment: explicit,
            data_dir: self.data_dir.clone(),
            checklists: self.checklists.clone(),
        }
    }
}

/// Refuses an output path inside pqs's own files: an assessment, lock or temporary file in the data
/// folder (a report written there would destroy the answers, lock or no lock), anything in its
/// `trash/` and `backup/` folders (nothing there is ever overwritten), and a `.toml` file in the user
/// checklist folder (pqs would read it as a checklist and refuse to start).
pub fn guard_output(global: &Config, path: &Path) -> Result<(), Error> {
    use crate::assessment::archive::{BACKUP_DIR, TRASH_DIR};
    let canonical = |p: &Path| std::fs::canonicalize(p).ok();
    // Where the file really lands, `..` through folders that do not exist yet included.
    let parent = crate::fs_util::resolve(crate::fs_util::parent_of(path));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    if let Some(data) = canonical(global.store().dir()) {
        let ours = name.ends_with(".toml") || name.ends_with(".lock") || name.ends_with(".tmp");
        if parent == data && ours {
            return Err(Error::OutputInDataDir(path.to_owned()));
        }
        if [TRASH_DIR, BACKUP_DIR]
            .iter()
            .any(|sub| parent.starts_with(data.join(sub)))
        {
            return Err(Error::OutputInArchive(path.to_owned()));
        }
    }
    if let Some(dir) = global.checklists_dir().as_deref().and_then(canonical)
        && parent == dir
        && name.ends_with(".toml")
    {
        return Err(Error::OutputInChecklists(path.to_owned()));
    }
    Ok(())
}

/// Writes `bytes` to `-o PATH` after [`guard_output`]: standard output for `-` and `/dev/stdout`,
/// straight into a device or FIFO, atomically into a regular file; a folder or link is refused.
pub fn write_to(global: &Config, path: &Path, bytes: &[u8]) -> Result<(), Error> {
    guard_output(global, path)?;
    let target = crate::fs_util::output_target(path)?;
    crate::fs_util::write_output(&target, bytes)?;
    Ok(())
}

/// Writes to stdout through the terminal sanitiser; a closed pipe is not an error.
pub fn print(text: &str) -> Result<(), Error> {
    crate::output::print(text).map_err(stdout_error)
}

/// The error of a failed write to stdout.
pub fn stdout_error(source: std::io::Error) -> Error {
    Error::Output {
        path: "stdout".into(),
        source,
    }
}

/// Runs a scriptable command.
pub fn run(global: &Config, command: Command) -> Result<(), Error> {
    // Without -a, the commands about one assessment take the only one there is.
    let resolved = match &command {
        Command::Checklists(_)
        | Command::Validate { .. }
        | Command::List(_)
        | Command::Import(_) => global.clone(),
        _ => global.clone().with_only_assessment(),
    };
    let global = &resolved;
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
        Command::Intake(args) => edit::intake(global, args.flag.as_deref(), args.answer.as_deref()),
        Command::Plan(args) => edit::plan(global, &args),
        Command::Details(args) => edit::details(global, &args),
        Command::Session(args) => edit::session(global, &args),
        Command::Repair => edit::repair(global),
        Command::Register(args) => documents::register(global, &args),
        Command::Verwerkers(args) => documents::processors(global, &args),
        Command::Datalek(args) => documents::breaches(global, &args),
        Command::Privacyverklaring(args) => statement::statement(global, &args),
    }
}
