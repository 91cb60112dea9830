//! The interface state. Views borrow it; only [`super::update`] changes it.

use std::collections::BTreeSet;

use ratatui::layout::Rect;
use ratatui_textarea::TextArea;

use super::form::Form;
use super::keymap::Context;
use super::theme::Theme;
use crate::assessment::Assessment;
use crate::checklist::{Catalog, Checklist, Item};
use crate::report::Scan;

/// Which main screen is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// One question at a time.
    Guided,
    /// Checklists, items and details side by side.
    Overview,
    /// Totals, a bar per checklist and the first actions.
    Report,
    /// The intake questions that decide which items apply.
    Intake,
}

/// What lies on top of the main screen.
#[derive(Debug, Default)]
pub enum Overlay {
    /// Nothing.
    #[default]
    None,
    /// The key overview.
    Help,
    /// The note editor for an item.
    Note(Box<TextArea<'static>>),
    /// The folder prompt for exporting reports.
    Export(Box<TextArea<'static>>),
    /// The organisation name, asked when a new assessment starts.
    Organisation(Box<TextArea<'static>>),
    /// A form: the details or an item's action plan.
    Form(Box<Form>),
    /// "Only view it?" for an assessment that cannot be written (held, or a read-only folder).
    ReadOnlyOffer,
}

/// The kind of message in the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Neutral information.
    Info,
    /// Something went wrong and needs attention.
    Error,
}

/// The state of the interface.
#[derive(Debug)]
pub struct App {
    /// All checklists.
    pub catalog: Catalog,
    /// The answers being edited.
    pub assessment: Assessment,
    /// Name of the assessment (file stem).
    pub name: String,
    /// Scores and gaps, recomputed after every change.
    pub scan: Scan,
    /// Every item as (checklist index, item index), in order.
    pub positions: Vec<(usize, usize)>,
    /// Index into `positions` of the current item.
    pub cursor: usize,
    /// The main screen.
    pub mode: Mode,
    /// The overlay.
    pub overlay: Overlay,
    /// Message in the status line.
    pub message: Option<(Tone, String)>,
    /// Changes not yet on disk (a save failed).
    pub unsaved: bool,
    /// Quit was asked once while changes were unsaved.
    pub quit_warned: bool,
    /// The program should end.
    pub quit: bool,
    /// Size of the last frame, for mouse hit-testing.
    pub area: Rect,
    /// Where exports go unless the user types another folder (the assessment's folder).
    pub export_dir: std::path::PathBuf,
    /// Colours and styles.
    pub theme: Theme,
    /// Time zone for showing times (injected so tests are repeatable).
    pub tz: jiff::tz::TimeZone,
    /// The clock's time at the last event (decides what is due for review).
    pub now: jiff::Timestamp,
    /// Index of the current intake question.
    pub intake_cursor: usize,
    /// When this run started: the session's id.
    pub session_start: jiff::Timestamp,
    /// Ids changed in this run (answers, `intake.FLAG`, `plan.ITEM`, `details`).
    pub changed: BTreeSet<String>,
    /// What changed since the end of the previous session (none before the second session).
    pub progress: Option<crate::report::progress::Progress>,
    /// Why nothing can be changed, when the assessment is open only for viewing.
    pub read_only: Option<String>,
}

impl App {
    /// A new interface state; a new assessment starts in the walk-through, an existing one in the overview.
    pub fn new(
        catalog: Catalog,
        assessment: Assessment,
        name: impl Into<String>,
        theme: Theme,
    ) -> Self {
        let positions = catalog
            .checklists()
            .iter()
            .enumerate()
            .flat_map(|(ci, c)| (0..c.items.len()).map(move |ii| (ci, ii)))
            .collect();
        let now = assessment.updated;
        let scan = Scan::new(&catalog, &assessment, now);
        let fresh = assessment.answers.is_empty() && assessment.intake.is_empty();
        let mode = if !fresh {
            Mode::Overview
        } else if catalog.intake().questions.is_empty() {
            Mode::Guided
        } else {
            Mode::Intake
        };
        let mut app = App {
            catalog,
            assessment,
            name: name.into(),
            scan,
            positions,
            cursor: 0,
            mode,
            overlay: Overlay::None,
            message: None,
            unsaved: false,
            quit_warned: false,
            quit: false,
            area: Rect::default(),
            export_dir: std::path::PathBuf::from("."),
            theme,
            tz: jiff::tz::TimeZone::UTC,
            now,
            intake_cursor: 0,
            session_start: now,
            changed: BTreeSet::new(),
            progress: None,
            read_only: None,
        };
        if mode == Mode::Guided {
            app.cursor = app.next_open(0).unwrap_or(0);
        }
        app
    }

    /// Starts the session clock (the loop calls this with the real time before the first frame).
    pub fn start_session(&mut self, now: jiff::Timestamp) {
        self.now = now;
        self.session_start = now;
        self.refresh();
    }

    /// Notes that `id` changed in this run, for the session record.
    pub fn touch(&mut self, id: impl Into<String>) {
        self.changed.insert(id.into());
    }

    /// Records this run as a session in the assessment when it changed anything; on `last`, also
    /// remembers every item as known, so the next run can flag items added after it as "nieuw".
    pub fn record_session(&mut self, now: jiff::Timestamp, last: bool) {
        if self.changed.is_empty() {
            return;
        }
        let assessor = self.assessment.details.assessor.clone();
        self.assessment
            .record_session(self.session_start, now, &assessor, &self.changed);
        if last {
            self.assessment.known_items = self
                .catalog
                .items()
                .map(|(_, item)| item.id.clone())
                .collect();
        }
    }

    /// Opens the assessment only for viewing, for `reason`: first the offer ("only view it?"), then
    /// every change is refused with the reason.
    pub fn open_read_only(&mut self, reason: String) {
        self.overlay = Overlay::ReadOnlyOffer;
        if self.mode == Mode::Intake {
            self.mode = Mode::Overview;
        }
        self.read_only = Some(reason);
    }

    /// Opens the prompt for the organisation name (for a new assessment).
    pub fn ask_organisation(&mut self) {
        self.overlay = Overlay::Organisation(Box::new(TextArea::from([self
            .assessment
            .organisation
            .clone()])));
    }

    /// The context the keymap uses.
    pub fn context(&self) -> Context {
        match (&self.overlay, self.mode) {
            (Overlay::Help, _) => Context::Help,
            (Overlay::Note(_), _) => Context::Note,
            (Overlay::Export(_) | Overlay::Organisation(_), _) => Context::Prompt,
            (Overlay::Form(_), _) => Context::Form,
            (Overlay::ReadOnlyOffer, _) => Context::Confirm,
            (Overlay::None, Mode::Intake) => Context::Intake,
            (Overlay::None, Mode::Guided) => Context::Guided,
            (Overlay::None, Mode::Overview) => Context::Overview,
            (Overlay::None, Mode::Report) => Context::Report,
        }
    }

    /// The current checklist and item.
    pub fn current(&self) -> Option<(&Checklist, &Item)> {
        let (ci, ii) = *self.positions.get(self.cursor)?;
        let checklist = &self.catalog.checklists()[ci];
        Some((checklist, &checklist.items[ii]))
    }

    /// Index of the current checklist.
    pub fn checklist_index(&self) -> usize {
        self.positions.get(self.cursor).map_or(0, |p| p.0)
    }

    /// Cursor index of the first item of checklist `ci`.
    pub fn first_of(&self, ci: usize) -> Option<usize> {
        self.positions.iter().position(|p| p.0 == ci)
    }

    /// The scan state of the item at cursor index `i`.
    pub fn state(&self, i: usize) -> Option<&crate::report::ItemState> {
        let (ci, ii) = *self.positions.get(i)?;
        self.scan.checklists.get(ci)?.items.get(ii)
    }

    /// Whether the item at cursor index `i` applies (the intake does not rule it out).
    pub fn applies(&self, i: usize) -> bool {
        self.state(i).is_some_and(|s| s.applies())
    }

    /// The next item that needs the user, at or after `from`, wrapping around: first an unanswered
    /// item that applies, else an answer that asks for a second look (review due, question changed).
    pub fn next_open(&self, from: usize) -> Option<usize> {
        let n = self.positions.len();
        let order = || (0..n).map(move |k| (from + k) % n);
        order()
            .find(|&i| {
                self.state(i)
                    .is_some_and(|s| s.applies() && s.status.is_none())
            })
            .or_else(|| order().find(|&i| self.state(i).is_some_and(|s| s.needs_recheck())))
    }

    /// The nearest item that applies, stepping from `from` in one direction (for the walk-through).
    pub fn step_applicable(&self, from: usize, forward: bool) -> usize {
        let mut i = from;
        loop {
            let next = if forward {
                i.checked_add(1).filter(|&n| n < self.positions.len())
            } else {
                i.checked_sub(1)
            };
            match next {
                Some(n) if self.applies(n) => return n,
                Some(n) => i = n,
                None => return from,
            }
        }
    }

    /// Recomputes derived state after the answers changed.
    pub fn refresh(&mut self) {
        self.scan = Scan::new(&self.catalog, &self.assessment, self.now);
        self.progress = crate::report::progress::default_baseline(&self.assessment).map(|moment| {
            crate::report::progress::compare(
                &self.catalog,
                &self.assessment,
                &self.scan,
                moment,
                crate::report::progress::Baseline::PreviousSession,
            )
        });
    }
}
