//! The loop: draw, wait for an event, map it to an action, update, perform the effect. Generic over the
//! backend, the event source, the store and the clock, so tests drive the real loop on `TestBackend`.

use std::io;
use std::time::Duration;

use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{self, Event, MouseButton, MouseEventKind};
use ratatui::layout::Rect;

use super::action::Action;
use super::app::{App, Tone};
use super::keymap::keymap;
use super::update::{Effect, update};
use crate::assessment::{Assessment, Saved, Writer};
use crate::text as t;

/// How long to wait for input before retrying a failed save.
const RETRY_EVERY: Duration = Duration::from_secs(2);

/// What an event source yields.
#[derive(Debug)]
pub enum Next {
    /// An input event.
    Event(Event),
    /// Nothing happened within the timeout.
    Idle,
    /// No more events will come (scripted sources in tests).
    End,
}

/// A source of terminal events.
pub trait Events {
    /// Waits up to `timeout` for the next event.
    fn next(&mut self, timeout: Duration) -> io::Result<Next>;
}

/// Real terminal input through crossterm.
#[derive(Debug, Default)]
pub struct TerminalEvents;

impl Events for TerminalEvents {
    fn next(&mut self, timeout: Duration) -> io::Result<Next> {
        if event::poll(timeout)? {
            Ok(Next::Event(event::read()?))
        } else {
            Ok(Next::Idle)
        }
    }
}

/// Scripted events for tests; ends when empty.
impl Events for std::collections::VecDeque<Event> {
    fn next(&mut self, _timeout: Duration) -> io::Result<Next> {
        Ok(self.pop_front().map_or(Next::End, Next::Event))
    }
}

/// Somewhere to save the assessment.
pub trait Persist {
    /// Saves; `Some` is the assessment merged with changes another process made to the file
    /// meanwhile (continue with it); the error is a message for the status line.
    fn save(&mut self, assessment: &Assessment) -> Result<Option<Assessment>, String>;
}

impl Persist for Writer {
    fn save(&mut self, assessment: &Assessment) -> Result<Option<Assessment>, String> {
        match Writer::save(self, assessment) {
            Ok(Saved::Written) => Ok(None),
            Ok(Saved::Merged(merged)) => Ok(Some(*merged)),
            Err(err) => Err(crate::sanitize::line(&err.to_string())),
        }
    }
}

/// Turns a terminal event into an action for the current context.
pub fn action_for(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => keymap(app.context(), *key),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(mouse.column, mouse.row)),
            MouseEventKind::ScrollDown => Some(Action::Scroll(true)),
            MouseEventKind::ScrollUp => Some(Action::Scroll(false)),
            _ => None,
        },
        _ => None,
    }
}

/// Runs until the user quits or the events end.
pub fn run<B>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    events: &mut impl Events,
    persist: &mut impl Persist,
    clock: impl Fn() -> Timestamp,
) -> io::Result<()>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
{
    app.start_session(clock());
    let rechecks = app.scan.rechecks().count();
    if app.message.is_none() {
        if rechecks > 0 {
            app.message = Some((Tone::Info, t::rechecks_waiting(rechecks)));
        } else if app.mode != super::app::Mode::Intake
            && app.assessment.intake.is_empty()
            && !app.catalog.intake().questions.is_empty()
        {
            app.message = Some((Tone::Info, t::INTAKE_NOT_DONE.into()));
        }
    }
    loop {
        let size = terminal.size().map_err(io::Error::other)?;
        app.area = Rect::new(0, 0, size.width, size.height);
        terminal
            .draw(|frame| frame.render_widget(&*app, frame.area()))
            .map_err(io::Error::other)?;
        if app.quit {
            return Ok(());
        }
        match events.next(RETRY_EVERY)? {
            Next::Event(event) => {
                let Some(action) = action_for(app, &event) else {
                    continue;
                };
                let now = clock();
                match update(app, action, now) {
                    Some(Effect::Save) => {
                        app.record_session(now, false);
                        save(app, persist);
                    }
                    Some(Effect::Quit) if !app.changed.is_empty() => {
                        app.record_session(now, true);
                        save(app, persist);
                    }
                    Some(Effect::Quit) if app.unsaved => save(app, persist),
                    Some(Effect::Quit) => {}
                    Some(Effect::Export(dir)) => {
                        app.message = Some(match super::export::export(app, &dir, clock()) {
                            Ok(paths) => {
                                // The file names first: a long folder is what gets cut off.
                                let names: Vec<String> = paths
                                    .iter()
                                    .filter_map(|p| p.file_name())
                                    .map(|n| n.to_string_lossy().into_owned())
                                    .collect();
                                let folder = paths
                                    .first()
                                    .and_then(|p| p.parent())
                                    .map_or_else(String::new, |d| d.display().to_string());
                                (Tone::Info, t::exported(&names.join(", "), &folder))
                            }
                            Err(error) => (
                                Tone::Error,
                                t::export_failed(&error.to_string().replace('\n', " ")),
                            ),
                        });
                    }
                    None => {}
                }
            }
            Next::Idle if app.unsaved => save(app, persist),
            Next::Idle => {}
            Next::End => return Ok(()),
        }
    }
}

/// Saves, recording a failure in the status line and keeping the answers in memory for a retry.
fn save(app: &mut App, persist: &mut impl Persist) {
    match persist.save(&app.assessment) {
        Ok(merged) => {
            if app.unsaved {
                app.message = Some((Tone::Info, t::SAVE_RECOVERED.into()));
            }
            if let Some(merged) = merged {
                // Another process changed the file: continue with both sets of changes.
                app.assessment = merged;
                app.refresh();
                app.message = Some((Tone::Info, t::SAVE_MERGED.into()));
            }
            app.unsaved = false;
        }
        Err(error) => {
            app.unsaved = true;
            app.message = Some((Tone::Error, t::save_failed(&error)));
        }
    }
}
