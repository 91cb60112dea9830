//! Pure state changes: `update(app, action, now)` returns what the loop must do next.

use jiff::Timestamp;
use ratatui_textarea::TextArea;

use super::action::Action;
use super::app::{App, Mode, Overlay, Tone};
use super::edit;
use super::form::Form;
use super::view::layout::{self, Hit};
use crate::text as t;

/// Work for the event loop after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the assessment to disk.
    Save,
    /// Leave the program.
    Quit,
    /// Write the HTML report and summary into a folder.
    Export(std::path::PathBuf),
}

/// A change made: recorded for this session under `id` (forgetting that drops it from the session
/// record), scores and plan brought up to date, `message` in the status line, and a save asked for.
pub(super) fn committed(app: &mut App, id: impl Into<String>, message: String) -> Option<Effect> {
    app.touch(id);
    app.refresh();
    app.message = Some((Tone::Info, message));
    Some(Effect::Save)
}

/// [`committed`] for a change to the answer to item `id` alone (its status, note or history): only
/// that answer and its follow-ups are scored again.
pub(super) fn answer_committed(app: &mut App, id: String, message: String) -> Option<Effect> {
    app.refresh_answer(&id);
    app.touch(id);
    app.message = Some((Tone::Info, message));
    Some(Effect::Save)
}

/// Applies one action.
pub fn update(app: &mut App, action: Action, now: Timestamp) -> Option<Effect> {
    app.now = now;
    if action != Action::Quit {
        app.quit_warned = false;
    }
    if app.read_only.is_some() && changes_the_assessment(action) {
        app.message = Some((Tone::Error, t::READ_ONLY_REFUSED.into()));
        return None;
    }
    match action {
        Action::Next | Action::Previous if app.mode == Mode::Plan => {
            let n = app.tasks().len();
            app.plan_cursor = step(app.plan_cursor, n, action == Action::Next);
            None
        }
        Action::EditPlan if app.mode == Mode::Plan => {
            let task = app.tasks().get(app.plan_cursor)?;
            let form = crate::tui::form::Form::plan(&task.id, app.assessment.plan.get(&task.id));
            app.overlay = Overlay::Form(Box::new(form));
            None
        }
        Action::Next | Action::Previous if app.mode == Mode::Documents => {
            let n = app.document_rows().len();
            app.documents_cursor = step(app.documents_cursor, n, action == Action::Next);
            None
        }
        Action::OpenDocuments => {
            if open_screen(app, Mode::Documents) {
                app.documents_cursor = 0;
            }
            None
        }
        Action::EditDocument if app.mode == Mode::Documents => edit::open_document(app, now),
        Action::Next | Action::Previous if app.mode == Mode::Drill => {
            let n = crate::documents::drill::Script::bundled().steps.len() + 1;
            app.drill_cursor = step(app.drill_cursor, n, action == Action::Next);
            None
        }
        Action::DrillStep if app.mode == Mode::Drill => edit::open_drill_step(app),
        Action::DrillStep => None,
        Action::EditDocument => None,
        Action::RemoveDocument if app.mode == Mode::Documents => {
            use crate::tui::app::DocRow;
            let row = app.document_rows().get(app.documents_cursor)?.clone();
            let docs = &app.assessment.documents;
            let name = match &row {
                DocRow::Activity(i) => docs.activities.get(*i)?.name.clone(),
                DocRow::Processor(i) => docs.processors.get(*i)?.name.clone(),
                // A drill is practice and may go.
                DocRow::Breach(i) if docs.breaches.get(*i)?.drill => docs.breaches[*i].what.clone(),
                // Every breach stays in the register, also one that did not have to be reported.
                DocRow::Breach(_) => {
                    app.message = Some((Tone::Info, t::BREACH_STAYS.into()));
                    return None;
                }
                _ => return None,
            };
            app.overlay = Overlay::RemoveConfirm(row, name);
            None
        }
        Action::RemoveDocument => None,
        Action::Yes if matches!(app.overlay, Overlay::RemoveConfirm(..)) => {
            use crate::tui::app::DocRow;
            let Overlay::RemoveConfirm(row, name) = std::mem::take(&mut app.overlay) else {
                return None;
            };
            let docs = &mut app.assessment.documents;
            let (what, stamp) = match row {
                DocRow::Activity(i) => (t::WHAT_ACTIVITY, &mut docs.activities.get_mut(i)?.stamp),
                DocRow::Processor(i) => (t::WHAT_PROCESSOR, &mut docs.processors.get_mut(i)?.stamp),
                DocRow::Breach(i) if docs.breaches.get(i)?.drill => {
                    (t::WHAT_DRILL, &mut docs.breaches[i].stamp)
                }
                _ => return None,
            };
            stamp.removed = Some(now);
            app.assessment.updated = now;
            app.touch("documents");
            app.refresh();
            let rows = app.document_rows().len();
            app.documents_cursor = app.documents_cursor.min(rows.saturating_sub(1));
            app.message = Some((
                Tone::Info,
                t::record_removed(what, &name).trim_end().to_owned(),
            ));
            Some(Effect::Save)
        }
        Action::No if matches!(app.overlay, Overlay::RemoveConfirm(..)) => {
            app.overlay = Overlay::None;
            None
        }
        Action::OpenPlan => {
            if open_screen(app, Mode::Plan) {
                app.plan_cursor = 0;
            }
            None
        }
        Action::ToggleDone | Action::PinUp | Action::PinDown => plan_change(app, action, now),
        Action::Answer(status) => {
            let item = app.current()?.1;
            // Only a question that is asked can be answered: one the intake rules out is never
            // "niet van toepassing" by hand, one outside the depth or after a parent's nee not at all.
            if let Some(refusal) = app.scan.item(&item.id).and_then(not_answerable) {
                app.message = Some((Tone::Info, refusal));
                return None;
            }
            let (id, fingerprint) = (item.id.to_string(), item.fingerprint());
            app.assessment
                .set_status(&id, Some(status), Some(&fingerprint), now);
            let effect =
                answer_committed(app, id, t::answered_message(t::status_label(Some(status))));
            if app.mode == Mode::Guided {
                advance_guided(app);
            }
            effect
        }
        Action::Clear => {
            let id = app.current()?.1.id.to_string();
            if !app.assessment.set_status(&id, None, None, now) {
                return None;
            }
            answer_committed(app, id, t::CLEARED.into())
        }
        Action::EditNote => {
            let note = app.assessment.note(&app.current()?.1.id);
            let mut editor = TextArea::from(note.lines());
            // Long lines wrap at words (a very long word at the edge) instead of scrolling sideways.
            editor.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
            editor.move_cursor(ratatui_textarea::CursorMove::Bottom);
            editor.move_cursor(ratatui_textarea::CursorMove::End);
            app.overlay = Overlay::Note(Box::new(editor));
            None
        }
        Action::NoteInput(key) => {
            match &mut app.overlay {
                Overlay::Note(editor) => {
                    editor.input(key);
                }
                Overlay::Export(prompt) | Overlay::Organisation(prompt) => {
                    // One line only: Enter confirms (bound in the keymap), so it never reaches here.
                    prompt.input(key);
                }
                Overlay::Form(form) => {
                    let focus = form.focus;
                    form.fields[focus].input.input(key);
                }
                Overlay::Compare(choice) => {
                    // Up and down choose; typing goes to the date, and chooses it.
                    use ratatui::crossterm::event::KeyCode;
                    match key.code {
                        KeyCode::Up => choice.cursor = choice.cursor.saturating_sub(1),
                        KeyCode::Down => {
                            choice.cursor = (choice.cursor + 1).min(choice.options.len() - 1);
                        }
                        _ => {
                            choice.date.input(key);
                            choice.cursor = choice.options.len() - 1;
                        }
                    }
                }
                Overlay::None
                | Overlay::Help
                | Overlay::ReadOnlyOffer
                | Overlay::QuitConfirm(_)
                | Overlay::RemoveConfirm(..)
                | Overlay::Pause { .. }
                | Overlay::IntakeDone(..)
                | Overlay::Depth(_)
                | Overlay::Glossary(_) => {}
            }
            None
        }
        Action::ToggleReport => {
            if app.mode == Mode::Report {
                go_back(app);
            } else {
                app.back_to = back_target(app.mode, app.back_to);
                app.mode = Mode::Report;
            }
            None
        }
        Action::Export => {
            let mut prompt = TextArea::from([app.export_dir.display().to_string()]);
            prompt.move_cursor(ratatui_textarea::CursorMove::End);
            app.overlay = Overlay::Export(Box::new(prompt));
            None
        }
        Action::Cancel => {
            // A skipped organisation name of a new assessment still leads to the depth question.
            let was = std::mem::take(&mut app.overlay);
            if matches!(was, Overlay::Organisation(_)) {
                app.ask_depth(None);
            }
            None
        }
        Action::Back if matches!(app.overlay, Overlay::IntakeDone(..)) => {
            // Back to the intake questions, to look at an answer again.
            app.overlay = Overlay::None;
            None
        }
        Action::Confirm => match std::mem::take(&mut app.overlay) {
            Overlay::Export(prompt) => {
                let typed = prompt.lines().concat();
                let dir = if typed.trim().is_empty() {
                    app.export_dir.clone()
                } else {
                    typed.trim().into()
                };
                Some(Effect::Export(dir))
            }
            Overlay::Organisation(prompt) => {
                let name = crate::sanitize::input_line(&prompt.lines().concat());
                if name == app.assessment.organisation {
                    return None;
                }
                app.assessment.organisation = name;
                app.assessment.updated = now;
                app.touch("details");
                app.message = Some((Tone::Info, t::ORGANISATION_SAVED.into()));
                // A new assessment asks how deep to go next.
                app.ask_depth(None);
                Some(Effect::Save)
            }
            Overlay::Compare(choice) => {
                compare_with(app, *choice);
                None
            }
            other => {
                app.overlay = other;
                None
            }
        },
        Action::SaveNote => {
            let Overlay::Note(editor) = std::mem::take(&mut app.overlay) else {
                return None;
            };
            let id = app.current()?.1.id.to_string();
            let text = editor.lines().join("\n");
            if !app.assessment.set_note(&id, &text, now) {
                return None;
            }
            answer_committed(app, id, t::NOTE_SAVED.into())
        }
        Action::Next | Action::Previous if app.mode == Mode::Intake => {
            edit::move_intake(app, action == Action::Next);
            None
        }
        Action::Next | Action::Previous if app.mode == Mode::Guided => {
            let target = app.step_asked(app.cursor, action == Action::Next);
            move_to(app, target)
        }
        Action::Next => move_to(app, app.cursor + 1),
        Action::Previous => move_to(app, app.cursor.saturating_sub(1)),
        Action::EditPlan => edit::open_plan(app),
        Action::EditDetails => {
            app.overlay = Overlay::Form(Box::new(Form::details(&app.assessment)));
            None
        }
        Action::ConfirmAnswer => edit::confirm_answer(app, now),
        Action::OpenIntake => {
            app.back_to = back_target(app.mode, app.back_to);
            app.mode = Mode::Intake;
            None
        }
        Action::IntakeAnswer(answer) => edit::answer_intake(app, answer, now),
        Action::Continue => go_on(app),
        Action::ChooseDepth => {
            let checklist = (app.mode != Mode::Intake).then(|| app.checklist_index());
            app.ask_depth(checklist);
            None
        }
        Action::Choose(option) => choose_depth(app, option, now),
        Action::ChooseComparison => {
            app.ask_comparison();
            None
        }
        Action::ShowGlossary => {
            app.overlay = Overlay::Glossary(0);
            None
        }
        Action::Scroll(down)
            if matches!(app.overlay, Overlay::Glossary(_) | Overlay::IntakeDone(..)) =>
        {
            let most = crate::tui::view::boxes::scroll_room(app);
            if let Overlay::Glossary(offset) | Overlay::IntakeDone(_, offset) = &mut app.overlay {
                *offset = if down {
                    offset.saturating_add(1).min(most)
                } else {
                    offset.saturating_sub(1)
                };
            }
            None
        }
        // The offer to view an assessment that cannot be written: yes views it, no leaves.
        Action::Yes if matches!(app.overlay, Overlay::QuitConfirm(_)) => {
            app.overlay = Overlay::None;
            app.quit = true;
            Some(Effect::Quit)
        }
        Action::No if matches!(app.overlay, Overlay::QuitConfirm(_)) => {
            app.overlay = Overlay::None;
            None
        }
        Action::Yes if matches!(app.overlay, Overlay::ReadOnlyOffer) => {
            app.overlay = Overlay::None;
            app.message = app.read_only.clone().map(|reason| (Tone::Info, reason));
            None
        }
        Action::No if matches!(app.overlay, Overlay::ReadOnlyOffer) => {
            app.quit = true;
            Some(Effect::Quit)
        }
        // The start screen has its own loop (see `start`); these never reach an open assessment.
        Action::OpenAssessment
        | Action::NewAssessment
        | Action::RenameAssessment
        | Action::DeleteAssessment
        | Action::Yes
        | Action::No => None,
        Action::SaveForm => match std::mem::take(&mut app.overlay) {
            Overlay::Form(form) => edit::save_form(app, form, now),
            other => {
                app.overlay = other;
                None
            }
        },
        Action::CloseForm => match std::mem::take(&mut app.overlay) {
            Overlay::Form(form) => edit::close_form(app, form, now),
            other => {
                app.overlay = other;
                None
            }
        },
        Action::NextField | Action::PreviousField => {
            if let Overlay::Form(form) = &mut app.overlay {
                form.move_focus(action == Action::NextField);
            }
            None
        }
        Action::First => move_to(app, 0),
        Action::Last => move_to(app, app.positions.len().saturating_sub(1)),
        Action::NextChecklist => {
            let next = app.checklist_index() + 1;
            let target = app.first_of(next).unwrap_or(app.cursor);
            move_to(app, target)
        }
        Action::PreviousChecklist => {
            let current = app.checklist_index();
            let first = app.first_of(current).unwrap_or(0);
            // From inside a checklist go to its start; from its start go to the previous one.
            let target = if app.cursor > first {
                first
            } else {
                current
                    .checked_sub(1)
                    .and_then(|p| app.first_of(p))
                    .unwrap_or(0)
            };
            move_to(app, target)
        }
        Action::ToggleMode => {
            app.mode = match app.mode {
                Mode::Guided => Mode::Overview,
                Mode::Overview
                | Mode::Report
                | Mode::Intake
                | Mode::Plan
                | Mode::Documents
                | Mode::Drill => Mode::Guided,
            };
            if app.mode == Mode::Guided && !app.asked_here(app.cursor) {
                app.cursor = app.next_open(app.cursor).unwrap_or(app.cursor);
            }
            None
        }
        Action::ToggleHelp => {
            app.overlay = match app.overlay {
                Overlay::Help => Overlay::None,
                _ => Overlay::Help,
            };
            None
        }
        // Esc goes back, never out: from the report or the intake to where it was opened, from
        // the walk-through to the overview; on the overview it says how to stop.
        Action::Back => match app.overlay {
            Overlay::None => {
                match app.mode {
                    Mode::Report | Mode::Intake | Mode::Plan | Mode::Documents => go_back(app),
                    // From a drill back to the documents, on the drill.
                    Mode::Drill => app.mode = Mode::Documents,
                    Mode::Guided => app.mode = Mode::Overview,
                    Mode::Overview => {
                        app.message = Some((Tone::Info, t::HOW_TO_QUIT.into()));
                    }
                }
                None
            }
            _ => {
                app.overlay = Overlay::None;
                None
            }
        },
        Action::Quit => quit(app),
        Action::Click(column, row) => {
            match layout::hit(app, column, row) {
                Some(Hit::Checklist(ci)) => {
                    if let Some(target) = app.first_of(ci) {
                        app.cursor = target;
                    }
                }
                Some(Hit::Item(index)) => app.cursor = index,
                None => {}
            }
            None
        }
        // The wheel must not move the current item under an open editor: its text belongs to that item.
        Action::Scroll(_) if !matches!(app.overlay, Overlay::None) => None,
        Action::Scroll(down) => {
            let target = if down {
                app.cursor + 1
            } else {
                app.cursor.saturating_sub(1)
            };
            move_to(app, target)
        }
    }
}

/// Whether an action would change the assessment (refused while it is open read-only). Opening an
/// editor counts: what is typed there could not be kept.
pub fn changes_the_assessment(action: Action) -> bool {
    matches!(
        action,
        Action::Answer(_)
            | Action::Clear
            | Action::EditNote
            | Action::EditPlan
            | Action::EditDetails
            | Action::ConfirmAnswer
            | Action::IntakeAnswer(_)
            | Action::SaveNote
            | Action::SaveForm
            | Action::RemoveDocument
    )
}

/// Why an item cannot be answered now, if it cannot.
fn not_answerable(state: &crate::report::ItemState) -> Option<String> {
    if !state.applies() {
        Some(t::ANSWER_EXCLUDED.to_owned())
    } else if state.deeper {
        Some(t::ANSWER_DEEPER.to_owned())
    } else if state.ruled_out.is_some() {
        Some(t::ANSWER_FOLLOW_UP.to_owned())
    } else {
        None
    }
}

fn move_to(app: &mut App, target: usize) -> Option<Effect> {
    app.cursor = target.min(app.positions.len().saturating_sub(1));
    None
}

/// After an answer in the walk-through: on to the next item that needs the user. At the end of a
/// checklist (or of everything) a pause says what is in order and what comes next first.
fn advance_guided(app: &mut App) {
    let here = app.checklist_index();
    let next = app.next_open(app.cursor + 1);
    let leaves = next.is_none_or(|n| app.positions[n].0 != here || n <= app.cursor);
    if leaves {
        app.overlay = Overlay::Pause {
            finished: here,
            next,
        };
    } else if let Some(next) = next {
        app.cursor = next;
    }
}

/// Enter on a pause: on to the next question (after a checklist), or into the walk-through
/// (after the intake).
fn go_on(app: &mut App) -> Option<Effect> {
    match std::mem::take(&mut app.overlay) {
        Overlay::Pause { next, .. } => match next {
            Some(next) => app.cursor = next,
            // The last question: on to the report, so keys pressed on never change that answer.
            None => {
                app.mode = Mode::Report;
                app.message = Some((Tone::Info, t::ALL_ANSWERED.into()));
            }
        },
        Overlay::IntakeDone(..) => {
            app.mode = Mode::Guided;
            app.cursor = app.next_open(0).unwrap_or(0);
            app.message = Some((Tone::Info, t::intake_done(app.scan.totals.skipped)));
        }
        other => app.overlay = other,
    }
    None
}

/// The comparison chosen in its box: the report screen and the export compare with it from now
/// on (this run only; nothing is saved). A date that cannot be read keeps the box open.
fn compare_with(app: &mut App, choice: crate::tui::app::CompareChoice) {
    use crate::tui::app::CompareOption;
    let moment = match &choice.options[choice.cursor] {
        CompareOption::PreviousSession => None,
        CompareOption::At(moment, _) => Some(*moment),
        CompareOption::Date => {
            let typed = choice.date.lines().concat();
            match crate::report::progress::parse_moment(&typed, &app.tz) {
                Some(moment) => Some(moment),
                None => {
                    app.message = Some((Tone::Error, t::compare_bad_date(&typed)));
                    app.overlay = Overlay::Compare(Box::new(choice));
                    return;
                }
            }
        }
    };
    app.compare_with = moment;
    app.refresh();
    app.message = Some((
        Tone::Info,
        match moment {
            None => t::COMPARE_PREVIOUS_CHOSEN.to_owned(),
            Some(m) => t::compare_chosen(&t::date_time_long(m, &app.tz)),
        },
    ));
}

/// A choice in the depth box: 1 quick scan, 2 full scan (the whole assessment); 3 and 4 the same
/// for the checklist it was opened from. No answer is touched.
fn choose_depth(app: &mut App, option: u8, now: Timestamp) -> Option<Effect> {
    use crate::assessment::ScanDepth;
    let Overlay::Depth(choice) = &app.overlay else {
        return None;
    };
    let depth = if option.is_multiple_of(2) {
        ScanDepth::Snel
    } else {
        ScanDepth::Volledig
    };
    let checklist = match (option, choice.checklist) {
        (0 | 1, _) => None,
        (2 | 3, Some(ci)) => Some(app.catalog.checklists()[ci].id.clone()),
        _ => return None,
    };
    app.overlay = Overlay::None;
    if !app.assessment.set_depth(checklist.as_deref(), depth, now) {
        return None;
    }
    app.touch("depth");
    app.refresh();
    if app.mode == Mode::Guided && !app.asked_here(app.cursor) {
        app.cursor = app.next_open(app.cursor).unwrap_or(app.cursor);
    }
    app.message = Some((Tone::Info, t::depth_set(depth, checklist.is_some())));
    Some(Effect::Save)
}

fn quit(app: &mut App) -> Option<Effect> {
    if app.unsaved && !app.quit_warned {
        app.quit_warned = true;
        app.message = Some((Tone::Error, t::QUIT_UNSAVED.into()));
        return None;
    }
    // Half-way a checklist in the walk-through: ask first (the answers are saved either way).
    if !app.unsaved
        && !matches!(app.overlay, Overlay::QuitConfirm(_))
        && let Some(where_) = app.mid_checklist()
    {
        app.overlay = Overlay::QuitConfirm(where_);
        return None;
    }
    app.quit = true;
    Some(Effect::Quit)
}

/// A list cursor one row down (clamped to the last of `len`) or up.
fn step(cursor: usize, len: usize, forward: bool) -> usize {
    if forward {
        (cursor + 1).min(len.saturating_sub(1))
    } else {
        cursor.saturating_sub(1)
    }
}

/// Opens a screen that Esc leaves again to where it was opened from; `false` when it is open.
fn open_screen(app: &mut App, mode: Mode) -> bool {
    if app.mode == mode {
        return false;
    }
    app.back_to = back_target(app.mode, app.back_to);
    app.mode = mode;
    true
}

/// Where Esc leads back to from a screen opened from `mode`.
fn back_target(mode: Mode, before: Mode) -> Mode {
    match mode {
        Mode::Guided | Mode::Overview => mode,
        Mode::Report | Mode::Intake | Mode::Plan | Mode::Documents | Mode::Drill => before,
    }
}

/// Back from the report or the intake to the screen it was opened from.
fn go_back(app: &mut App) {
    app.mode = match app.back_to {
        Mode::Guided => Mode::Guided,
        _ => Mode::Overview,
    };
    if app.mode == Mode::Guided && !app.asked_here(app.cursor) {
        app.cursor = app.next_open(app.cursor).unwrap_or(app.cursor);
    }
}

/// The plan screen's changes to the selected task: done today or open again; pinned at the top,
/// moved among the pinned ones, or unpinned. The selection follows the task.
fn plan_change(app: &mut App, action: Action, now: Timestamp) -> Option<Effect> {
    if app.mode != Mode::Plan {
        return None;
    }
    let tasks = app.tasks().to_vec();
    let task = tasks.get(app.plan_cursor)?;
    let id = task.id.clone();
    let mut entry = app.assessment.plan.get(&id).cloned().unwrap_or_default();
    // The pinned tasks in their order, as places 1, 2, 3, ...
    let mut pinned: Vec<String> = tasks
        .iter()
        .filter(|t| t.reason.pinned.is_some() && t.is_open())
        .map(|t| t.id.clone())
        .collect();
    match action {
        Action::ToggleDone => {
            entry.done = match entry.done {
                Some(_) => None,
                None => Some(now.to_zoned_datetime(app.tz.clone()).date()),
            };
            if entry.done.is_some() {
                pinned.retain(|p| *p != id);
                entry.pinned = None;
            }
        }
        Action::PinUp => match pinned.iter().position(|p| *p == id) {
            Some(0) => return None,
            Some(k) => pinned.swap(k, k - 1),
            None if task.is_open() => pinned.push(id.clone()),
            None => return None,
        },
        Action::PinDown => match pinned.iter().position(|p| *p == id) {
            Some(k) if k + 1 < pinned.len() => pinned.swap(k, k + 1),
            Some(k) => {
                pinned.remove(k);
            }
            None => return None,
        },
        _ => return None,
    }
    // Write the entry, then renumber every pinned task 1, 2, 3, ... in the new order.
    entry.pinned = pinned.iter().position(|p| *p == id).map(|k| k as u32 + 1);
    app.assessment.set_plan(&id, entry, now);
    for (k, other) in pinned.iter().enumerate().filter(|(_, p)| **p != id) {
        let mut e = app.assessment.plan.get(other).cloned().unwrap_or_default();
        if e.pinned != Some(k as u32 + 1) {
            e.pinned = Some(k as u32 + 1);
            app.assessment.set_plan(other, e, now);
        }
    }
    app.touch(format!("plan.{id}"));
    app.refresh();
    // The change is saved whatever follows; the selection follows the task.
    if let Some((place, title)) = app
        .tasks()
        .iter()
        .enumerate()
        .find(|(_, t)| t.id == id)
        .map(|(k, t)| (k, t.title.clone()))
    {
        app.plan_cursor = place;
        app.message = Some((
            Tone::Info,
            t::plan_changed(&title, action == Action::ToggleDone),
        ));
    }
    Some(Effect::Save)
}
