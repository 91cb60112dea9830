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
    /// A termination signal asked the program to stop (see [`super::signals`]).
    Stop,
    /// The terminal went away (a closed window, a dropped connection).
    Gone,
    /// No more events will come (scripted sources in tests).
    End,
}

/// A source of terminal events.
pub trait Events {
    /// Waits up to `timeout` for the next event; a zero timeout asks only for an event that is
    /// already waiting.
    fn next(&mut self, timeout: Duration) -> io::Result<Next>;
}

/// Real terminal input through crossterm, watching for termination signals and for the terminal
/// going away while it waits.
#[derive(Debug)]
pub struct TerminalEvents {
    /// Whether the terminal's size could be read at the start: then a failure later means the
    /// terminal is gone (a hung-up terminal refuses the request).
    watch: bool,
}

impl TerminalEvents {
    /// Events of the terminal pqs runs in.
    pub fn new() -> TerminalEvents {
        TerminalEvents {
            watch: ratatui::crossterm::terminal::window_size().is_ok(),
        }
    }
}

impl Default for TerminalEvents {
    fn default() -> Self {
        TerminalEvents::new()
    }
}

/// How often a wait for input looks whether a signal came.
const SIGNAL_CHECK: Duration = Duration::from_millis(100);

impl Events for TerminalEvents {
    fn next(&mut self, timeout: Duration) -> io::Result<Next> {
        let deadline = std::time::Instant::now() + timeout;
        loop {
            if super::signals::caught().is_some() {
                return Ok(Next::Stop);
            }
            if self.watch && ratatui::crossterm::terminal::window_size().is_err() {
                return Ok(Next::Gone);
            }
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            if event::poll(left.min(SIGNAL_CHECK))? {
                return Ok(Next::Event(event::read()?));
            }
            if left <= SIGNAL_CHECK {
                return Ok(Next::Idle);
            }
        }
    }
}

/// Scripted events for tests, arriving one at a time as a person types them (a zero timeout finds
/// nothing waiting); ends when empty.
impl Events for std::collections::VecDeque<Event> {
    fn next(&mut self, timeout: Duration) -> io::Result<Next> {
        if timeout.is_zero() {
            return Ok(Next::Idle);
        }
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
        // Every event already waiting is handled before the next frame, and the saves they ask for
        // are one save after them: a burst of keys costs one frame and one write, not one each.
        // What a frame shows as saved is on disk.
        let mut next = events.next(RETRY_EVERY)?;
        let mut save_due = false;
        loop {
            match next {
                Next::Event(event) => match handle(app, &event, &clock) {
                    Some(Effect::Save) => save_due = true,
                    Some(Effect::Quit) => {
                        finish(app, persist, clock());
                        break;
                    }
                    Some(Effect::Export(dir)) => export(app, &dir, clock()),
                    None => {}
                },
                Next::Idle => {
                    // The clocks on screen (a breach's 72 hours, a drill's time) move on.
                    app.now = clock();
                    if app.unsaved {
                        save_due = true;
                    }
                    break;
                }
                Next::Stop => {
                    keep_open_editor(app, clock());
                    finish(app, persist, clock());
                    return Ok(());
                }
                Next::Gone => {
                    keep_open_editor(app, clock());
                    finish(app, persist, clock());
                    return Err(io::Error::other(t::TERMINAL_GONE));
                }
                Next::End if !save_due => return Ok(()),
                Next::End => break,
            }
            if app.quit {
                break;
            }
            next = events.next(Duration::ZERO)?;
        }
        if save_due && !app.quit {
            app.record_session(clock(), false);
            save(app, persist);
        }
    }
}

/// One event: the action it maps to, applied.
fn handle(app: &mut App, event: &Event, clock: &impl Fn() -> Timestamp) -> Option<Effect> {
    let action = action_for(app, event)?;
    update(app, action, clock())
}

/// The end of a run (quit or a signal): the session recorded as finished and a last save when
/// anything changed or is not on disk yet.
fn finish(app: &mut App, persist: &mut impl Persist, now: Timestamp) {
    if !app.changed.is_empty() {
        app.record_session(now, true);
        save(app, persist);
    } else if app.unsaved {
        save(app, persist);
    }
}

/// When the program is stopped from outside (a signal, a lost terminal), what is typed in an open
/// note, form or organisation prompt is kept as if it had been confirmed (an invalid form stays
/// unsaved, as it would).
fn keep_open_editor(app: &mut App, now: Timestamp) {
    use super::app::Overlay;
    let confirm = match app.overlay {
        Overlay::Note(_) => Action::SaveNote,
        Overlay::Form(_) => Action::SaveForm,
        Overlay::Organisation(_) => Action::Confirm,
        _ => return,
    };
    let _ = update(app, confirm, now);
}

/// Writes the HTML report and summary, saying where (or why not) in the status line.
fn export(app: &mut App, dir: &std::path::Path, now: Timestamp) {
    app.message = Some(match super::export::export(app, dir, now) {
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
            (Tone::Info, t::exported(&names, &folder))
        }
        Err(error) => (
            Tone::Error,
            t::export_failed(&crate::sanitize::line(&error.to_string())),
        ),
    });
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
