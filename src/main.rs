//! `pqs`: parse arguments, dispatch, map errors to exit codes.

use std::process::ExitCode;

use clap::Parser;
use pqs::cli::{self, Cli};

fn main() -> ExitCode {
    let args = match Cli::try_parse() {
        Ok(args) => args,
        Err(err) => match cli::parse_error::dutch(&err) {
            Some(message) => {
                eprintln!("pqs: {message}");
                return ExitCode::from(2);
            }
            None => err.exit(),
        },
    };
    let result = match args.command {
        Some(command) => cli::run(&args.global, command),
        None => pqs::tui::start(&args.global),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("pqs: {err}");
            ExitCode::FAILURE
        }
    }
}
