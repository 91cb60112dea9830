//! The interface state. Views borrow it; only [`super::update`] changes it.

use std::collections::BTreeSet;

use ratatui::layout::Rect;
use ratatui_textarea::TextArea;

use super::form::Form;
use super::keymap::Context;
use super::theme::Theme;
use crate::assessment::Assessment;
use crate::checklist::{Catalog, Checklist, Entry, Item};
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
    /// The plan: every task, what was agreed, pinned and done.
    Plan,
    /// The documents: the register, the processors and the breach register.
    Documents,
    /// A breach drill ([`App::drill`]): its steps with the clock running.
    Drill,
}

/// One row of the documents screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocRow {
    /// A document's heading: Enter starts a new record of it.
    Heading(crate::documents::DocumentKind),
    /// An activity, by index in `documents.activities`.
    Activity(usize),
    /// A processor, by index in `documents.processors`.
    Processor(usize),
    /// A breach or drill, by index in `documents.breaches`.
    Breach(usize),
    /// A suggestion from the intake, by id: Enter adds it (the user's yes) and opens it.
    Suggested(crate::documents::DocumentKind, String),
    /// Start a drill.
    NewDrill,
    /// The draft privacy statement: Enter writes it, with the reports and documents (as `e`).
    Statement,
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
    /// Quitting in the middle of a checklist: are you sure? (what is answered is saved either way)
    QuitConfirm(String),
    /// Removing a record from the register or the processors: are you sure? (with its name)
    RemoveConfirm(DocRow, String),
    /// The end of a checklist in the walk-through: what is in order, what is open, what comes
    /// next. Only Enter goes on, so a key pressed again never answers the next question unseen.
    Pause {
        /// The checklist just finished (index).
        finished: usize,
        /// The cursor index of the next question, if any is left.
        next: Option<usize>,
    },
    /// The end of the intake: how many questions follow and how long they take, and what pqs
    /// decided, scrolled this many lines.
    IntakeDone(crate::report::estimate::Estimate, u16),
    /// How deep the scan goes, with what each depth asks: for the whole scan, or also for the
    /// checklist with this index.
    Depth(DepthChoice),
    /// The glossary, scrolled this many lines.
    Glossary(u16),
    /// What the report screen and the export compare with.
    Compare(Box<CompareChoice>),
}

/// The choice of comparison: the previous session (the default), the start or end of a session,
/// or a typed date.
#[derive(Debug, Clone)]
pub struct CompareChoice {
    /// The choices; the last is the typed date.
    pub options: Vec<CompareOption>,
    /// The highlighted choice.
    pub cursor: usize,
    /// The date typed for the last choice.
    pub date: TextArea<'static>,
}

/// One choice of comparison.
#[derive(Debug, Clone, PartialEq)]
pub enum CompareOption {
    /// The end of the session before the latest one (what every report uses unless told).
    PreviousSession,
    /// A moment with its label ("begin van deze sessie", or a session's end).
    At(jiff::Timestamp, String),
    /// The date typed in the box.
    Date,
}

/// The choice of depth, with what each choice asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DepthChoice {
    /// The checklist the last two choices are for (when opened from a checklist).
    pub checklist: Option<usize>,
    /// The quick and the full scan of the whole assessment: questions left and minutes.
    pub whole: [crate::report::estimate::Estimate; 2],
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
    /// The plan's tasks in plan order: computed when first asked for after a change (not on every
    /// frame, and not before the first one).
    tasks: std::cell::OnceCell<Vec<crate::report::tasks::PlannedTask>>,
    /// Every place in every checklist as (checklist index, entry index), in order: a checklist's
    /// own items and the items it lists from another (asked there).
    pub positions: Vec<(usize, usize)>,
    /// Per position: whether the walk-through asks the item there. An item listed in several
    /// checklists is asked at the first of them where it is asked at all, so a follow-up never
    /// comes before its parent.
    asked_places: Vec<bool>,
    /// Index into `positions` of the current item.
    pub cursor: usize,
    /// The main screen.
    pub mode: Mode,
    /// Where Esc goes back to from the report or the intake.
    pub back_to: Mode,
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
    /// Index of the selected task on the plan screen (in plan order).
    pub plan_cursor: usize,
    /// Index of the selected row on the documents screen.
    pub documents_cursor: usize,
    /// The drill shown on the drill screen, by index in `documents.breaches`.
    pub drill: usize,
    /// The selected step on the drill screen (one past the last step: the evaluation).
    pub drill_cursor: usize,
    /// When this run started: the session's id.
    pub session_start: jiff::Timestamp,
    /// Ids changed in this run (answers, `intake.FLAG`, `plan.ITEM`, `details`).
    pub changed: BTreeSet<String>,
    /// What changed since the end of the previous session (none before the second session), or
    /// since [`App::compare_with`]: computed when first asked for ([`App::progress`]), so the
    /// first frame of the overview does not wait for it.
    progress: std::cell::OnceCell<Option<crate::report::progress::Progress>>,
    /// The moment chosen to compare with instead of the previous session (report screen, `s`).
    pub compare_with: Option<jiff::Timestamp>,
    /// Why nothing can be changed, when the assessment is open only for viewing.
    pub read_only: Option<String>,
}

impl App {
    /// A new interface state; a new assessment starts in the walk-through, an existing one in the overview.
    /// Scored as of the assessment's last change (the loop's [`App::start_session`] rescores at the
    /// real time).
    pub fn new(
        catalog: Catalog,
        assessment: Assessment,
        name: impl Into<String>,
        theme: Theme,
    ) -> Self {
        let now = assessment.updated;
        App::new_at(catalog, assessment, name, theme, now)
    }

    /// [`App::new`] scored at `now`: when the session then starts at the same moment, nothing is
    /// scored twice before the first frame.
    pub fn new_at(
        catalog: Catalog,
        assessment: Assessment,
        name: impl Into<String>,
        theme: Theme,
        now: jiff::Timestamp,
    ) -> Self {
        let positions = catalog
            .checklists()
            .iter()
            .enumerate()
            .flat_map(|(ci, c)| (0..c.entries.len()).map(move |ei| (ci, ei)))
            .collect();
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
            tasks: std::cell::OnceCell::new(),
            positions,
            asked_places: Vec::new(),
            cursor: 0,
            mode,
            back_to: Mode::Overview,
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
            plan_cursor: 0,
            documents_cursor: 0,
            drill: 0,
            drill_cursor: 0,
            session_start: now,
            changed: BTreeSet::new(),
            progress: std::cell::OnceCell::new(),
            compare_with: None,
            read_only: None,
        };
        app.asked_places = app.asked_places();
        if mode == Mode::Guided {
            app.cursor = app.next_open(0).unwrap_or(0);
        }
        app
    }

    /// Where the walk-through asks each item: the first position where it is asked.
    fn asked_places(&self) -> Vec<bool> {
        let mut seen = std::collections::HashSet::new();
        (0..self.positions.len())
            .map(|i| {
                self.state(i)
                    .is_some_and(|s| s.asked() && seen.insert(s.id.as_str()))
            })
            .collect()
    }

    /// Starts the session clock (the loop calls this with the real time before the first frame).
    pub fn start_session(&mut self, now: jiff::Timestamp) {
        // Scored at this moment already (App::new_at): not again.
        let rescore = now != self.now;
        self.now = now;
        self.session_start = now;
        // A restart soon after a quit, by the same assessor, continues that session: what it
        // changed still counts as this session's, and "sinds de vorige sessie" compares with the
        // one before it.
        let assessor = &self.assessment.details.assessor;
        if let Some(last) = self.assessment.session_to_continue(now, assessor) {
            self.session_start = last.start;
            self.changed = last.changed.iter().map(|id| id.to_string()).collect();
        }
        if rescore {
            self.refresh();
        }
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
        let score = self.scan.totals.score;
        self.assessment
            .record_session(self.session_start, now, &assessor, &self.changed)
            .score = Some(score);
        if last {
            self.assessment.known_items = self
                .catalog
                .items()
                .map(|(_, item)| item.id.to_string())
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

    /// Asks how deep the scan goes: for the whole scan (a new assessment), or also for the
    /// checklist with index `checklist`.
    pub fn ask_depth(&mut self, checklist: Option<usize>) {
        use crate::assessment::ScanDepth;
        let at_depth = |depth: ScanDepth| {
            let mut assessment = self.assessment.clone();
            assessment.depth = Some(depth);
            assessment.depth_per_checklist.clear();
            let scan = Scan::new(&self.catalog, &assessment, self.now);
            crate::report::estimate::remaining(&self.catalog, &scan)
        };
        self.overlay = Overlay::Depth(DepthChoice {
            checklist,
            whole: [at_depth(ScanDepth::Snel), at_depth(ScanDepth::Volledig)],
        });
    }

    /// Opens the choice of comparison: the previous session, the start of this one, the end of
    /// each earlier session (newest first), or a date.
    pub fn ask_comparison(&mut self) {
        let day_time = |moment| crate::text::date_time_long(moment, &self.tz);
        let mut options = vec![CompareOption::PreviousSession];
        let sessions = crate::report::progress::sessions(&self.catalog, &self.assessment);
        if let Some(latest) = sessions.last() {
            options.push(CompareOption::At(
                latest.start,
                crate::text::compare_this_session(&day_time(latest.start)),
            ));
        }
        for row in sessions.iter().rev().skip(1) {
            let label = crate::text::compare_session(
                &day_time(row.end),
                &crate::sanitize::line(&row.title),
                crate::report::document::percent(row.score),
            );
            options.push(CompareOption::At(row.end, label));
        }
        options.push(CompareOption::Date);
        let cursor = match self.compare_with {
            None => 0,
            Some(moment) => options
                .iter()
                .position(|o| matches!(o, CompareOption::At(m, _) if *m == moment))
                .unwrap_or(options.len() - 1),
        };
        let mut date = TextArea::default();
        if cursor == options.len() - 1
            && let Some(moment) = self.compare_with
        {
            date.insert_str(moment.to_zoned_datetime(self.tz.clone()).date().to_string());
        }
        self.overlay = Overlay::Compare(Box::new(CompareChoice {
            options,
            cursor,
            date,
        }));
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
            (Overlay::Export(_) | Overlay::Organisation(_) | Overlay::Compare(_), _) => {
                Context::Prompt
            }
            (Overlay::Form(_), _) => Context::Form,
            (Overlay::ReadOnlyOffer | Overlay::QuitConfirm(_) | Overlay::RemoveConfirm(..), _) => {
                Context::Confirm
            }
            (Overlay::Pause { .. } | Overlay::IntakeDone(..), _) => Context::Pause,
            (Overlay::Depth(_), _) => Context::Choose,
            (Overlay::Glossary(_), _) => Context::Glossary,
            (Overlay::None, Mode::Intake) => Context::Intake,
            (Overlay::None, Mode::Guided) => Context::Guided,
            (Overlay::None, Mode::Overview) => Context::Overview,
            (Overlay::None, Mode::Report) => Context::Report,
            (Overlay::None, Mode::Plan) => Context::Plan,
            (Overlay::None, Mode::Documents) => Context::Documents,
            (Overlay::None, Mode::Drill) => Context::Drill,
        }
    }

    /// The current item with the checklist it lives in.
    pub fn current(&self) -> Option<(&Checklist, &Item)> {
        self.at(self.cursor)
    }

    /// The item at cursor index `i`, with the checklist it lives in (for an item a checklist lists
    /// from another, that other one).
    pub fn at(&self, i: usize) -> Option<(&Checklist, &Item)> {
        let (ci, ei) = *self.positions.get(i)?;
        let checklist = &self.catalog.checklists()[ci];
        match checklist.entries.get(ei)? {
            Entry::Own(ii) => Some((checklist, checklist.items.get(*ii)?)),
            Entry::See(id, _) => self.catalog.item(id),
        }
    }

    /// The checklist shown at cursor index `i` (where the user is, not where the item lives).
    pub fn shown_in(&self, i: usize) -> Option<&Checklist> {
        let (ci, _) = *self.positions.get(i)?;
        self.catalog.checklists().get(ci)
    }

    /// Whether the item at cursor index `i` is listed here but lives (and is asked) elsewhere.
    pub fn is_shared(&self, i: usize) -> bool {
        self.state(i).is_some_and(|s| s.shared_from.is_some())
    }

    /// Index of the current checklist.
    pub fn checklist_index(&self) -> usize {
        self.positions.get(self.cursor).map_or(0, |p| p.0)
    }

    /// When quitting now would leave the current checklist half done in the walk-through: its
    /// title with how far it is ("Beveiliging (4 van 9)").
    pub fn mid_checklist(&self) -> Option<String> {
        if self.mode != Mode::Guided || self.changed.is_empty() {
            return None;
        }
        let ci = self.checklist_index();
        let c = self.scan.checklists.get(ci)?;
        (c.answered > 0 && c.answered < c.total)
            .then(|| crate::text::checklist_progress(&c.title, c.answered, c.total))
    }

    /// The plan as the reports have it: tasks in plan order.
    pub fn tasks(&self) -> &[crate::report::tasks::PlannedTask] {
        self.tasks
            .get_or_init(|| crate::report::tasks::plan(&self.catalog, &self.assessment, &self.scan))
    }

    /// The rows of the documents screen: per document its heading, its records (removed ones left
    /// out) and what the intake suggests; then a drill.
    pub fn document_rows(&self) -> Vec<DocRow> {
        use crate::documents::DocumentKind;
        let docs = &self.assessment.documents;
        let suggestions = crate::documents::suggest::Suggestions::bundled();
        let facts = self.catalog.intake().effective(&self.assessment.intake);
        let mut rows = vec![DocRow::Heading(DocumentKind::Register)];
        rows.extend(
            docs.activities
                .iter()
                .enumerate()
                .filter(|(_, a)| a.stamp.removed.is_none())
                .map(|(i, _)| DocRow::Activity(i)),
        );
        rows.extend(
            suggestions
                .activities_for(&facts, docs)
                .map(|s| DocRow::Suggested(DocumentKind::Register, s.id.clone())),
        );
        rows.push(DocRow::Heading(DocumentKind::Processors));
        rows.extend(
            docs.processors
                .iter()
                .enumerate()
                .filter(|(_, p)| p.stamp.removed.is_none())
                .map(|(i, _)| DocRow::Processor(i)),
        );
        rows.extend(
            suggestions
                .processors_for(&facts, docs)
                .map(|s| DocRow::Suggested(DocumentKind::Processors, s.id.clone())),
        );
        rows.push(DocRow::Heading(DocumentKind::Breaches));
        rows.extend(
            docs.breaches
                .iter()
                .enumerate()
                .filter(|(_, b)| b.stamp.removed.is_none())
                .map(|(i, _)| DocRow::Breach(i)),
        );
        rows.push(DocRow::NewDrill);
        rows.push(DocRow::Statement);
        rows
    }

    /// Cursor index of the first item of checklist `ci`.
    pub fn first_of(&self, ci: usize) -> Option<usize> {
        self.positions.iter().position(|p| p.0 == ci)
    }

    /// The scan state of the item at cursor index `i`.
    pub fn state(&self, i: usize) -> Option<&crate::report::ItemState> {
        let (ci, ei) = *self.positions.get(i)?;
        self.scan.checklists.get(ci)?.items.get(ei)
    }

    /// Whether the item at cursor index `i` applies (the intake does not rule it out).
    pub fn applies(&self, i: usize) -> bool {
        self.state(i).is_some_and(|s| s.applies())
    }

    /// Whether the walk-through asks the item at cursor index `i` here: it is asked (the intake,
    /// the depth and its parent leave it in) and this is the first checklist that asks it.
    pub fn asked_here(&self, i: usize) -> bool {
        self.asked_places.get(i).copied().unwrap_or(false)
    }

    /// The next item that needs the user, at or after `from`, wrapping around: first an unanswered
    /// item that is asked, else an answer that asks for a second look (review due, question changed).
    pub fn next_open(&self, from: usize) -> Option<usize> {
        let n = self.positions.len();
        let order = || (0..n).map(move |k| (from + k) % n);
        order()
            .find(|&i| self.asked_here(i) && self.state(i).is_some_and(|s| s.status.is_none()))
            .or_else(|| {
                order().find(|&i| {
                    self.asked_here(i) && self.state(i).is_some_and(|s| s.needs_recheck())
                })
            })
    }

    /// The place of the item at cursor index `i` among the questions its checklist asks here, and
    /// how many that are: "vraag 3 van 12". `None` for an item not asked.
    pub fn question_number(&self, i: usize) -> Option<(usize, usize)> {
        let (ci, _) = *self.positions.get(i)?;
        let first = self.first_of(ci)?;
        let len = self.catalog.checklists()[ci].entries.len();
        let asked: Vec<usize> = (first..first + len)
            .filter(|&k| self.asked_here(k))
            .collect();
        let place = asked.iter().position(|&k| k == i)?;
        Some((place + 1, asked.len()))
    }

    /// The nearest item that is asked here, stepping from `from` in one direction (for the
    /// walk-through).
    pub fn step_asked(&self, from: usize, forward: bool) -> usize {
        let mut i = from;
        loop {
            let next = if forward {
                i.checked_add(1).filter(|&n| n < self.positions.len())
            } else {
                i.checked_sub(1)
            };
            match next {
                Some(n) if self.asked_here(n) => return n,
                Some(n) => i = n,
                None => return from,
            }
        }
    }

    /// Recomputes derived state after the answers changed.
    pub fn refresh(&mut self) {
        self.scan = Scan::new(&self.catalog, &self.assessment, self.now);
        self.asked_places = self.asked_places();
        self.tasks = std::cell::OnceCell::new();
        self.progress = std::cell::OnceCell::new();
    }

    /// Recomputes derived state after only the answer to `id` changed: that answer and the
    /// follow-ups it rules in or out are scored again, not the whole catalog (see
    /// [`Scan::rescore_answer`]).
    pub fn refresh_answer(&mut self, id: &str) {
        if self
            .scan
            .rescore_answer(&self.catalog, &self.assessment, id, self.now)
        {
            self.asked_places = self.asked_places();
        }
        self.tasks = std::cell::OnceCell::new();
        self.progress = std::cell::OnceCell::new();
    }

    /// What changed since the baseline (see the field); computed once per change.
    pub fn progress(&self) -> Option<&crate::report::progress::Progress> {
        self.progress.get_or_init(|| self.comparison()).as_ref()
    }

    /// What the report screen compares with: the chosen moment, else the previous session.
    fn comparison(&self) -> Option<crate::report::progress::Progress> {
        use crate::report::progress::{self, Baseline};
        let baseline = match self.compare_with {
            Some(moment) => Some((moment, Baseline::Chosen)),
            None => progress::default_baseline(&self.assessment)
                .map(|moment| (moment, Baseline::PreviousSession)),
        };
        baseline.map(|(moment, baseline)| {
            progress::compare(
                &self.catalog,
                &self.assessment,
                &self.scan,
                moment,
                baseline,
            )
        })
    }
}
