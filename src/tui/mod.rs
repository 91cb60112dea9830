//! The terminal interface: a thin shell over the domain.

pub mod action;
pub mod app;
pub mod edit;
pub mod event_loop;
pub mod export;
pub mod form;
pub mod keymap;
pub mod theme;
pub mod update;
pub mod view;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod workflow_tests;

use std::io;

use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

use crate::assessment::Assessment;
use crate::cli::{self, CliError, Global};
use crate::clock;

pub use app::App;

/// Opens the assessment (locked), runs the interface, and prints the gap report after leaving it.
pub fn start(global: &Global) -> Result<(), CliError> {
    let catalog = global.catalog()?;
    let mut writer = global.store().lock(&global.assessment)?;
    let existing = writer.read()?;
    let is_new = existing.is_none();
    let assessment = existing.unwrap_or_else(|| Assessment::new("", clock::now()));
    let mut app = App::new(
        catalog,
        assessment,
        global.assessment.clone(),
        theme::Theme::from_env(),
    );
    if is_new {
        app.ask_organisation();
    }
    app.tz = jiff::tz::TimeZone::system();
    app.export_dir = global.store().dir().to_owned();

    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    let mut terminal = ratatui::init();
    let _ = execute!(io::stdout(), EnableMouseCapture);
    let result = event_loop::run(
        &mut terminal,
        &mut app,
        &mut event_loop::TerminalEvents,
        &mut writer,
        clock::now,
    );
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    if app.unsaved {
        // Last chance, also when the terminal failed: never drop answers silently.
        match writer.save(&app.assessment) {
            Ok(()) => app.unsaved = false,
            Err(_) => eprintln!("pqs: {}", crate::text::QUIT_LOST),
        }
    }
    result.map_err(CliError::Terminal)?;
    cli::print(&cli::text_report(
        &app.catalog,
        &app.assessment,
        &app.name,
        cli::stdout_layout(),
    ))
}
