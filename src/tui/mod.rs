//! The terminal interface: a thin shell over the domain.

pub mod action;
pub mod app;
pub mod edit;
pub mod event_loop;
pub mod export;
pub mod form;
pub mod keymap;
pub mod signals;
pub mod start;
pub mod theme;
pub mod update;
pub mod view;

#[cfg(test)]
pub(super) mod tests;
#[cfg(test)]
mod workflow_tests;

use std::io;

use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

use crate::assessment::{Assessment, Store, Writer};
use crate::checklist::Catalog;
use crate::cli::{self, CliError, Global};
use crate::clock;

pub use app::App;

/// Opens the assessment (locked), runs the interface, and prints the gap report after leaving it.
/// Without an explicit `-a NAME` and with zero or several assessments, the start screen comes first.
pub fn start(global: &Global, explicit: bool) -> Result<(), CliError> {
    let catalog = global.catalog()?;
    let store = global.store();
    let names = store.list()?;
    // Open directly when the name was given or there is just one: errors (locked, corrupt) then
    // end the program before the screen is taken over.
    let direct = if explicit || names.len() == 1 {
        let name = if explicit {
            global.assessment.clone()
        } else {
            names[0].clone()
        };
        let writer = store.lock(&name)?;
        let existing = writer.read()?;
        Some((writer, existing))
    } else {
        None
    };

    // Before the screen is taken over: a signal from now on restores it and saves.
    signals::install().map_err(CliError::Terminal)?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture, Show);
        previous(info);
    }));
    let mut terminal = ratatui::init();
    let _ = execute!(io::stdout(), EnableMouseCapture);
    let outcome = run_screens(&mut terminal, direct, &store, catalog);
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    let _ = execute!(io::stdout(), Show);
    let stopped = signals::caught();
    let Some((mut app, writer, result)) = outcome? else {
        // Left from the start screen: nothing opened, nothing to report.
        return match stopped {
            Some(signal) => Err(CliError::Stopped { signal, file: None }),
            None => Ok(()),
        };
    };
    if app.unsaved {
        // Last chance, also when the terminal failed: never drop answers silently. When the file
        // cannot be written, a copy goes where it can, and the exit code says something is wrong.
        if let Err(err) = writer.save(&app.assessment) {
            let copy = crate::assessment::archive::write_recovery(
                &std::env::temp_dir(),
                &app.name,
                &app.assessment,
                clock::now(),
            );
            return Err(CliError::Unsaved {
                path: writer.path(),
                reason: err.to_string(),
                copy: copy.ok(),
                signal: stopped,
            });
        }
        app.unsaved = false;
    }
    if let Some(signal) = stopped {
        return Err(CliError::Stopped {
            signal,
            file: Some(writer.path()),
        });
    }
    result.map_err(CliError::Terminal)?;
    cli::print(&crate::output::text_report(
        &app.catalog,
        &app.assessment,
        &app.name,
        crate::output::stdout_layout(),
    ))
}

/// What a run of the interface leaves: the app, its writer, and how the loop ended.
type Finished = (App, Writer, io::Result<()>);

/// The start screen when needed, then the assessment; inside the alternate screen.
fn run_screens(
    terminal: &mut ratatui::DefaultTerminal,
    direct: Option<(Writer, Option<Assessment>)>,
    store: &Store,
    catalog: Catalog,
) -> Result<Option<Finished>, CliError> {
    let theme = theme::Theme::from_env();
    let tz = jiff::tz::TimeZone::system();
    let (writer, assessment, ask_organisation) = match direct {
        Some((writer, Some(existing))) => (writer, existing, false),
        Some((writer, None)) => (writer, Assessment::new("", clock::now()), true),
        None => {
            let chosen = start::run(
                terminal,
                &mut event_loop::TerminalEvents,
                store,
                &catalog,
                theme,
                tz.clone(),
                clock::now,
            )
            .map_err(CliError::Terminal)?;
            match chosen {
                None => return Ok(None),
                Some(start::Chosen::Open(writer)) => {
                    let assessment = writer
                        .read()?
                        .unwrap_or_else(|| Assessment::new("", clock::now()));
                    (writer, assessment, false)
                }
                Some(start::Chosen::New(writer, assessment)) => (writer, *assessment, false),
            }
        }
    };
    let mut app = App::new(catalog, assessment, writer.name().to_owned(), theme);
    if ask_organisation {
        app.ask_organisation();
    }
    app.tz = tz;
    app.export_dir = store.dir().to_owned();
    let mut writer = writer;
    let result = event_loop::run(
        terminal,
        &mut app,
        &mut event_loop::TerminalEvents,
        &mut writer,
        clock::now,
    );
    Ok(Some((app, writer, result)))
}
