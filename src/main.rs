//! `pqs`: parse arguments, dispatch, map errors to exit codes.

use std::process::ExitCode;

use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches};
use pqs::cli::{self, Cli};

fn main() -> ExitCode {
    let parsed = Cli::command()
        .try_get_matches()
        .and_then(|matches| Ok((Cli::from_arg_matches(&matches)?, matches)));
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
