//! `pqs`: parse arguments, dispatch, map errors to exit codes.

use std::process::ExitCode;

use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches};
use pqs::cli::{self, Cli};

fn main() -> ExitCode {
    tune_allocator();
    let mut command = Cli::command();
    let parsed = command
        .try_get_matches_from_mut(std::env::args_os())
        .and_then(|matches| Ok((Cli::from_arg_matches(&matches)?, matches)));
    // Freed now, before anything else is built: the description of every command and option
    // (some 200 KB, each global option copied into every command) costs a few percent of the time
    // to the first frame to free, but its pages are then reused instead of new ones faulted in:
    // 60 fewer page faults at the first frame, at about 4 µs each on a VM, against 0.14 M
    // instructions.
    drop(command);
    let (args, matches) = match parsed {
        Ok(parsed) => parsed,
        Err(err) => match cli::parse_error::dutch(&err) {
            Some(message) => {
                pqs::output::eprint(&format!("pqs: {message}"));
                return ExitCode::from(2);
            }
            None => err.exit(),
        },
    };
    // `-a` on the command line or in the environment opens that assessment; otherwise the start
    // screen may come first.
    let explicit = matches.value_source("assessment") != Some(ValueSource::DefaultValue);
    let config = args.global.config(explicit);
    let result = match args.command {
        Some(command) => cli::run(&config, command),
        None => pqs::tui::start(&config),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            pqs::output::eprint(&format!("pqs: {err}"));
            ExitCode::from(err.exit_code())
        }
    }
}

/// Asks glibc's allocator to keep what pqs frees for its next allocations, and to take memory from
/// the system in large steps, instead of handing each large block back and asking for it again.
/// On this kind of machine each first touch of a page costs microseconds (a page fault), and at
/// start-up pqs frees and allocates several megabytes in turn (a file's text, its parsed copy, the
/// parsed result): with glibc's defaults every large block is a fresh mapping, faulted in anew.
/// Peak memory does not grow (memory is only counted once touched); what is kept is reused.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn tune_allocator() {
    // SAFETY: `mallopt` only sets allocator parameters, and is called before any thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 256 << 20);
        libc::mallopt(libc::M_TOP_PAD, 16 << 20);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_allocator() {}
