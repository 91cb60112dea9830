//! The start screen: every assessment in the data folder, to open, create, rename or move to the
//! trash. Shown when `pqs` starts without `-a` and there is not exactly one assessment.

mod view;

#[cfg(test)]
mod tests;

use std::io;

use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::Event;
use ratatui_textarea::{CursorMove, TextArea};

use super::action::Action;
use super::app::Tone;
use super::event_loop::{Events, Next};
use super::keymap::{Context, keymap};
use super::theme::Theme;
use crate::assessment::naming::name_for;
use crate::assessment::{Assessment, Store, Writer};
use crate::checklist::Catalog;
use crate::report::listing::{Listing, Unreadable, listing};
use crate::text as t;

/// What lies over the list.
#[derive(Debug, Default)]
pub enum StartOverlay {
    /// Nothing.
    #[default]
    None,
    /// The organisation name of a new assessment.
    New(Box<TextArea<'static>>),
    /// The new name of the selected assessment.
    Rename(Box<TextArea<'static>>),
    /// "Move to the trash?" for the selected assessment.
    ConfirmDelete,
    /// "Only view it?" for an assessment that cannot be written.
    OfferReadOnly {
        /// The assessment.
        name: String,
        /// Why it cannot be written.
        reason: String,
    },
}

/// The start screen's state.
#[derive(Debug)]
pub struct StartScreen {
    /// Every assessment, newest edit first; unreadable ones last.
    pub rows: Vec<Result<Listing, Unreadable>>,
    /// Index of the selected row.
    pub cursor: usize,
    /// What lies over the list.
    pub overlay: StartOverlay,
    /// Message in the status line.
    pub message: Option<(Tone, String)>,
    /// Colours and styles.
    pub theme: Theme,
    /// Time zone for "last edited".
    pub tz: jiff::tz::TimeZone,
    /// The data folder, shown in the title.
    pub folder: String,
}

/// What the user chose.
#[derive(Debug)]
pub enum Chosen {
    /// An existing assessment, locked for writing.
    Open(Writer),
    /// A new assessment (just saved), with the organisation typed.
    New(Writer, Box<Assessment>),
    /// An assessment to view only (name and the reason it cannot be written).
    ReadOnly(String, String),
}

impl StartScreen {
    /// The context the keymap uses.
    pub fn context(&self) -> Context {
        match self.overlay {
            StartOverlay::None => Context::Start,
            StartOverlay::New(_) | StartOverlay::Rename(_) => Context::Prompt,
            StartOverlay::ConfirmDelete | StartOverlay::OfferReadOnly { .. } => Context::Confirm,
        }
    }

    /// The name of the selected assessment.
    fn selected(&self) -> Option<&str> {
        self.rows.get(self.cursor).map(|row| match row {
            Ok(listing) => listing.name.as_str(),
            Err(unreadable) => unreadable.name.as_str(),
        })
    }

    fn reload(&mut self, store: &Store, catalog: &Catalog, now: Timestamp) {
        match listing(store, catalog, now) {
            Ok(rows) => self.rows = rows,
            Err(error) => self.message = Some((Tone::Error, error_line(&error))),
        }
        self.cursor = self.cursor.min(self.rows.len().saturating_sub(1));
    }
}

/// An error for the status line: on one line, sanitised (it quotes file names).
fn error_line(error: &impl ToString) -> String {
    crate::sanitize::line(&error.to_string())
}

fn prompt(text: &str) -> Box<TextArea<'static>> {
    let mut area = TextArea::from([text.to_owned()]);
    area.move_cursor(CursorMove::End);
    Box::new(area)
}

/// Runs the start screen until an assessment is chosen (`Some`) or the user quits (`None`).
pub fn run<B>(
    terminal: &mut Terminal<B>,
    events: &mut impl Events,
    store: &Store,
    catalog: &Catalog,
    theme: Theme,
    tz: jiff::tz::TimeZone,
    clock: impl Fn() -> Timestamp,
) -> io::Result<Option<Chosen>>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let mut screen = StartScreen {
        rows: Vec::new(),
        cursor: 0,
        overlay: StartOverlay::None,
        message: None,
        theme,
        tz,
        folder: store.dir().display().to_string(),
    };
    screen.reload(store, catalog, clock());
    loop {
        terminal
            .draw(|frame| view::render(&screen, frame.area(), frame.buffer_mut()))
            .map_err(io::Error::other)?;
        let event = match events.next(std::time::Duration::from_secs(60))? {
            Next::Event(Event::Key(key)) => key,
            Next::Event(_) | Next::Idle => continue,
            Next::End | Next::Stop => return Ok(None),
            Next::Gone => return Err(io::Error::other(t::TERMINAL_GONE)),
        };
        let Some(action) = keymap(screen.context(), event) else {
            continue;
        };
        if let Some(chosen) = act(&mut screen, action, store, catalog, clock())? {
            return Ok(Some(chosen));
        }
        if matches!(action, Action::Quit) && matches!(screen.overlay, StartOverlay::None) {
            return Ok(None);
        }
    }
}

/// Performs one action; `Some` when an assessment was chosen.
fn act(
    screen: &mut StartScreen,
    action: Action,
    store: &Store,
    catalog: &Catalog,
    now: Timestamp,
) -> io::Result<Option<Chosen>> {
    match action {
        Action::Next => {
            screen.cursor = (screen.cursor + 1).min(screen.rows.len().saturating_sub(1))
        }
        Action::Previous => screen.cursor = screen.cursor.saturating_sub(1),
        Action::OpenAssessment => match screen.rows.get(screen.cursor) {
            Some(Ok(row)) => match store.lock(&row.name) {
                Ok(writer) => return Ok(Some(Chosen::Open(writer))),
                Err(error) => match crate::tui::read_only_reason(&error, store) {
                    Some(reason) => {
                        screen.overlay = StartOverlay::OfferReadOnly {
                            name: row.name.clone(),
                            reason,
                        };
                    }
                    None => screen.message = Some((Tone::Error, error_line(&error))),
                },
            },
            Some(Err(unreadable)) => {
                screen.message = Some((Tone::Error, error_line(&unreadable.error)));
            }
            None => screen.message = Some((Tone::Info, t::START_EMPTY_HINT.into())),
        },
        Action::NewAssessment => screen.overlay = StartOverlay::New(prompt("")),
        Action::RenameAssessment => {
            if let Some(name) = screen.selected() {
                screen.overlay = StartOverlay::Rename(prompt(name));
            }
        }
        Action::DeleteAssessment if screen.selected().is_some() => {
            screen.overlay = StartOverlay::ConfirmDelete;
        }
        Action::Yes if matches!(screen.overlay, StartOverlay::OfferReadOnly { .. }) => {
            if let StartOverlay::OfferReadOnly { name, reason } =
                std::mem::take(&mut screen.overlay)
            {
                return Ok(Some(Chosen::ReadOnly(name, reason)));
            }
        }
        Action::Yes => {
            screen.overlay = StartOverlay::None;
            if let Some(name) = screen.selected().map(str::to_owned) {
                screen.message = Some(match store.trash(&name, now) {
                    Ok(path) => (
                        Tone::Info,
                        t::moved_to_trash(&name, &path.display().to_string()),
                    ),
                    Err(error) => (Tone::Error, error_line(&error)),
                });
                screen.reload(store, catalog, now);
            }
        }
        Action::No | Action::Cancel => screen.overlay = StartOverlay::None,
        Action::NoteInput(key) => {
            if let StartOverlay::New(text) | StartOverlay::Rename(text) = &mut screen.overlay {
                text.input(key);
            }
        }
        Action::Confirm => match std::mem::take(&mut screen.overlay) {
            StartOverlay::New(text) => {
                let organisation = crate::sanitize::input_line(&text.lines().concat());
                let taken = store.list().unwrap_or_default();
                let name = name_for(&organisation, &taken);
                // Saved at once, so the organisation typed here is not lost when the user quits
                // before answering anything.
                let assessment = Assessment::new(organisation, now);
                let created = store
                    .lock(&name)
                    .and_then(|writer| writer.save(&assessment).map(|_| writer));
                match created {
                    Ok(writer) => return Ok(Some(Chosen::New(writer, Box::new(assessment)))),
                    Err(error) => screen.message = Some((Tone::Error, error_line(&error))),
                }
            }
            StartOverlay::Rename(text) => {
                let new = text.lines().concat().trim().to_owned();
                if let Some(old) = screen.selected().map(str::to_owned) {
                    let renamed = store.rename(&old, &new);
                    screen.reload(store, catalog, now);
                    // Stay on the same assessment: under its new name, or its old one on failure.
                    let selected = if renamed.is_ok() { &new } else { &old };
                    if let Some(index) = screen.rows.iter().position(|row| match row {
                        Ok(l) => &l.name == selected,
                        Err(u) => &u.name == selected,
                    }) {
                        screen.cursor = index;
                    }
                    screen.message = Some(match renamed {
                        Ok(_) => (Tone::Info, t::renamed(&old, &new)),
                        Err(error) => (Tone::Error, error_line(&error)),
                    });
                }
            }
            other => screen.overlay = other,
        },
        _ => {}
    }
    Ok(None)
}
