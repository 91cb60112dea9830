//! The interface state. Views borrow it; only [`super::update`] changes it.

use ratatui::layout::Rect;
use ratatui_textarea::TextArea;

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
        let mode = if assessment.answers.is_empty() {
            Mode::Guided
        } else {
            Mode::Overview
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
        };
        if mode == Mode::Guided {
            app.cursor = app.next_unanswered(0).unwrap_or(0);
        }
        app
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

    /// The first unanswered item at or after `from`, wrapping around.
    pub fn next_unanswered(&self, from: usize) -> Option<usize> {
        let n = self.positions.len();
        (0..n).map(|k| (from + k) % n).find(|&i| {
            let (ci, ii) = self.positions[i];
            self.assessment
                .status(&self.catalog.checklists()[ci].items[ii].id)
                .is_none()
        })
    }

    /// Recomputes derived state after the answers changed.
    pub fn refresh(&mut self) {
        self.scan = Scan::new(&self.catalog, &self.assessment, self.now);
    }
}
