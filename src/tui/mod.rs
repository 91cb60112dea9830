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
mod content_tests;
#[cfg(test)]
pub(super) mod tests;
#[cfg(test)]
mod workflow_tests;

use std::io;

use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

use crate::assessment::{Assessment, Store, StoreError, Writer};
use crate::checklist::Catalog;
use crate::clock;
use crate::config::Config;
use crate::error::Error;

pub use app::App;

/// The terminal the interface draws on. Each frame goes out in one write (stdout alone would send
/// it in pieces of a kilobyte): `Terminal::draw` flushes at the end of every frame.
type Screen = ratatui::Terminal<ratatui::backend::CrosstermBackend<io::BufWriter<io::Stdout>>>;

/// Raw mode, the alternate screen and mouse reporting, with a panic hook that undoes them first.
/// (Like `ratatui::init`, but every restoring step ignores a terminal that has gone away instead
/// of reporting it with `eprintln!`, which would panic inside the panic hook.)
fn take_over_terminal() -> io::Result<Screen> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        give_back_terminal();
        previous(info);
    }));
    ratatui::crossterm::terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        ratatui::crossterm::terminal::EnterAlternateScreen,
        EnableMouseCapture
    )?;
    ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(
        io::BufWriter::with_capacity(1 << 16, io::stdout()),
    ))
}

/// Mouse reporting off, cooked mode, the main screen, the cursor shown; each step even when an
/// earlier one failed.
fn give_back_terminal() {
    let _ = execute!(io::stdout(), DisableMouseCapture);
    let _ = ratatui::crossterm::terminal::disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        ratatui::crossterm::terminal::LeaveAlternateScreen
    );
    let _ = execute!(io::stdout(), Show);
}

/// An assessment opened for the interface: locked for writing, or (when another `pqs` holds it or
/// its folder cannot be written) only for viewing, with the reason.
struct Opened {
    /// The lock; `None` when the assessment is opened read-only.
    writer: Option<Writer>,
    /// The assessment's name.
    name: String,
    /// Its content; `None` for a new one.
    assessment: Option<Assessment>,
    /// Why nothing can be changed, when opened read-only.
    read_only: Option<String>,
    /// A new assessment whose organisation is known: ask the depth first.
    ask_depth: bool,
    /// Said on the status line first (answers moved to new questions).
    notice: Option<String>,
}

/// Opens `name` for writing, or read-only when it is held or its folder cannot be written (a
/// missing assessment cannot be viewed: then the error stands).
fn open(store: &Store, name: &str, catalog: &Catalog) -> Result<Opened, Error> {
    match store.lock(name) {
        Ok(writer) => {
            // Answers of replaced questions move first (after a backup of the file as it was).
            let read = writer.read_migrated(catalog, clock::now())?;
            let notice = read
                .as_ref()
                .and_then(|(_, m)| crate::text::migrated(name, m));
            Ok(Opened {
                writer: Some(writer),
                name: name.to_owned(),
                assessment: read.map(|(a, _)| a),
                read_only: None,
                ask_depth: false,
                notice,
            })
        }
        Err(err) => {
            let Some(reason) = read_only_reason(&err, store) else {
                return Err(err.into());
            };
            match store.read_migrated(name, catalog)? {
                Some(assessment) => Ok(Opened {
                    writer: None,
                    name: name.to_owned(),
                    assessment: Some(assessment),
                    read_only: Some(reason),
                    ask_depth: false,
                    notice: None,
                }),
                None => Err(err.into()),
            }
        }
    }
}

/// Why an assessment that cannot be locked can still be viewed: another `pqs` holds it, or its
/// folder cannot be written. `None` for other errors.
pub fn read_only_reason(err: &StoreError, store: &Store) -> Option<String> {
    use crate::fs_util::FsError;
    match err {
        StoreError::Locked { pid, .. } => Some(crate::text::read_only_held(*pid)),
        StoreError::Fs(FsError::Io { source, .. })
            if matches!(
                source.kind(),
                io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
            ) =>
        {
            Some(crate::text::read_only_folder(
                &store.dir().display().to_string(),
            ))
        }
        _ => None,
    }
}

/// Opens the assessment (locked, or read-only when another `pqs` holds it or the folder cannot be
/// written), runs the interface, and prints the gap report after leaving it. Without an explicit
/// `-a NAME` and with zero or several assessments, the start screen comes first.
pub fn start(global: &Config) -> Result<(), Error> {
    let catalog = global.catalog()?;
    let store = global.store();
    let names = store.list()?;
    // Open directly when the name was given or there is just one: errors (corrupt, cut off) then
    // end the program before the screen is taken over.
    let direct = if global.explicit_assessment || names.len() == 1 {
        let name = global.clone().with_only_assessment().assessment;
        Some(open(&store, &name, &catalog)?)
    } else {
        None
    };

    // Before the screen is taken over: a signal from now on restores it and saves.
    signals::install().map_err(Error::Terminal)?;
    let mut terminal = take_over_terminal().map_err(Error::Terminal)?;
    let outcome = run_screens(&mut terminal, direct, &store, catalog);
    give_back_terminal();
    // Not dropped: ratatui's `Drop` reports a failure to show the cursor with `eprintln!`, which
    // panics (and so aborts) when the terminal is gone. The cursor was shown above.
    std::mem::forget(terminal);
    let stopped = signals::caught();
    let Some((mut app, writer, result)) = outcome? else {
        // Left from the start screen: nothing opened, nothing to report.
        return match stopped {
            Some(signal) => Err(Error::Stopped { signal, file: None }),
            None => Ok(()),
        };
    };
    if let (true, Some(writer)) = (app.unsaved, &writer) {
        // Last chance, also when the terminal failed: never drop answers silently. When the file
        // cannot be written, a copy goes where it can, and the exit code says something is wrong.
        if let Err(err) = writer.save(&app.assessment) {
            let copy = crate::assessment::archive::write_recovery(
                &std::env::temp_dir(),
                &app.name,
                &app.assessment,
                clock::now(),
            );
            return Err(Error::Unsaved {
                path: writer.path(),
                reason: err.to_string(),
                copy: copy.ok(),
                signal: stopped,
            });
        }
        app.unsaved = false;
    }
    if let Some(signal) = stopped {
        return Err(Error::Stopped {
            signal,
            file: writer.as_ref().map(Writer::path),
        });
    }
    result.map_err(Error::Terminal)?;
    let layout = crate::output::stdout_layout();
    // A folder given with --data-dir (not by the environment, which the next command has too)
    // belongs in the command the report suggests.
    let from_flag = global.data_dir.as_deref().filter(|dir| {
        std::env::var_os(crate::paths::DATA_DIR_ENV).as_deref() != Some(dir.as_os_str())
    });
    let report = crate::output::quit_report(
        &app.catalog,
        &app.assessment,
        &app.name,
        from_flag,
        app.session_start,
        layout,
    );
    let printed = if layout.color {
        crate::output::print_coloured(&report)
    } else {
        crate::output::print(&report)
    };
    // What is on disk now, parsed, so the next start need not parse the file again; after the
    // report, which the user is waiting for.
    if let Some(writer) = &writer {
        writer.keep_parsed(&app.assessment);
    }
    printed.map_err(|source| Error::Output {
        path: "stdout".into(),
        source,
    })
}

/// What a run of the interface leaves: the app, its writer (none when read-only), and how the loop
/// ended.
type Finished = (App, Option<Writer>, io::Result<()>);

/// Where a read-only interface "saves": nowhere (it never asks; this is the guard).
struct ReadOnly;

impl event_loop::Persist for ReadOnly {
    fn save(&mut self, _: &Assessment) -> Result<Option<Assessment>, String> {
        Err(crate::text::READ_ONLY_REFUSED.to_owned())
    }
}

/// The start screen when needed, then the assessment; inside the alternate screen.
fn run_screens(
    terminal: &mut Screen,
    direct: Option<Opened>,
    store: &Store,
    catalog: Catalog,
) -> Result<Option<Finished>, Error> {
    let theme = theme::Theme::from_env();
    let tz = crate::clock::local_tz();
    let opened = match direct {
        Some(opened) => opened,
        None => {
            let chosen = start::run(
                terminal,
                &mut event_loop::TerminalEvents::new(),
                store,
                &catalog,
                theme,
                tz.clone(),
                clock::now,
            )
            .map_err(Error::Terminal)?;
            match chosen {
                None => return Ok(None),
                Some(start::Chosen::Open(writer)) => {
                    let read = writer.read_migrated(&catalog, clock::now())?;
                    let notice = read
                        .as_ref()
                        .and_then(|(_, m)| crate::text::migrated(writer.name(), m));
                    let assessment = read.map(|(a, _)| a);
                    Opened {
                        name: writer.name().to_owned(),
                        writer: Some(writer),
                        // Opened from the list, so it exists; an empty one if it vanished meanwhile.
                        assessment: Some(
                            assessment.unwrap_or_else(|| Assessment::new("", clock::now())),
                        ),
                        read_only: None,
                        ask_depth: false,
                        notice,
                    }
                }
                Some(start::Chosen::New(writer, assessment)) => Opened {
                    ask_depth: true,
                    notice: None,
                    name: writer.name().to_owned(),
                    writer: Some(writer),
                    assessment: Some(*assessment),
                    read_only: None,
                },
                Some(start::Chosen::ReadOnly(name, reason)) => Opened {
                    assessment: Some(store.read_migrated(&name, &catalog)?.ok_or_else(|| {
                        StoreError::Missing {
                            name: name.clone(),
                            dir: store.dir().to_owned(),
                        }
                    })?),
                    name,
                    writer: None,
                    read_only: Some(reason),
                    ask_depth: false,
                    notice: None,
                },
            }
        }
    };
    let ask_organisation = opened.assessment.is_none();
    let assessment = opened
        .assessment
        .unwrap_or_else(|| Assessment::new("", clock::now()));
    // Scored at the moment the session starts, so the loop does not score it again.
    let now = clock::now();
    let mut app = App::new_at(catalog, assessment, opened.name, theme, now);
    if ask_organisation {
        app.ask_organisation();
    } else if opened.ask_depth {
        app.ask_depth(None);
    }
    if let Some(reason) = opened.read_only {
        app.open_read_only(reason);
    }
    if let Some(notice) = opened.notice {
        app.message = Some((crate::tui::app::Tone::Info, notice));
    }
    app.tz = tz;
    // Exports go where people keep documents; the data folder when there is no such folder.
    app.export_dir = crate::paths::documents_dir()
        .filter(|dir| dir.is_dir())
        .unwrap_or_else(|| store.dir().to_owned());
    let mut writer = opened.writer;
    let result = match &mut writer {
        Some(writer) => event_loop::run(
            terminal,
            &mut app,
            &mut event_loop::TerminalEvents::new(),
            writer,
            clock::now,
        ),
        None => event_loop::run(
            terminal,
            &mut app,
            &mut event_loop::TerminalEvents::new(),
            &mut ReadOnly,
            clock::now,
        ),
    };
    Ok(Some((app, writer, result)))
}
