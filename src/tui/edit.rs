//! Updates for the intake, the forms (details, action plan) and confirming an answer.

use jiff::Timestamp;

use super::action::IntakeKey;
use super::app::{App, Mode, Overlay, Tone};
use super::form::{Form, FormValue};
use super::update::{Effect, answer_committed, committed};
use crate::checklist::Value;
use crate::text as t;

/// Answers the current intake question and moves on; after the last one, the walk-through starts.
/// A key that does not fit the question (a digit for a yes/no question, j for a multiple-choice
/// one, a digit past the last choice) says how to answer and changes nothing.
pub fn answer_intake(app: &mut App, key: IntakeKey, now: Timestamp) -> Option<Effect> {
    let question = app.catalog.intake().questions.get(app.intake_cursor)?;
    let answer = match (key, question.is_yes_no()) {
        (IntakeKey::Open, _) => None,
        (IntakeKey::Yes, true) => Some(Value::Yes),
        (IntakeKey::No, true) => Some(Value::No),
        (IntakeKey::Choice(i), false) if usize::from(i) < question.choices.len() => {
            Some(Value::Choice(question.choices[usize::from(i)].id.clone()))
        }
        (_, yes_no) => {
            let hint = if yes_no {
                t::INTAKE_ANSWER_YES_NO.to_owned()
            } else {
                t::intake_answer_choice(question.choices.len())
            };
            app.message = Some((Tone::Info, hint));
            return None;
        }
    };
    let flag = question.id.clone();
    let changed = app.assessment.set_intake(&flag, answer, now);
    app.message = None; // an earlier message is about something else
    if changed {
        app.touch(format!("intake.{flag}"));
        app.refresh();
    }
    if let Some(next) = next_asked(app, app.intake_cursor, true) {
        app.intake_cursor = next;
    } else {
        // The end of the intake: what was decided and what follows, before the first question.
        let estimate = crate::report::estimate::remaining(&app.catalog, &app.scan);
        app.overlay = Overlay::IntakeDone(estimate, 0);
    }
    changed.then_some(Effect::Save)
}

/// Moves through the intake questions that are asked.
pub fn move_intake(app: &mut App, forward: bool) {
    if let Some(next) = next_asked(app, app.intake_cursor, forward) {
        app.intake_cursor = next;
    }
}

/// The nearest intake question after (or before) `from` that is asked with the current answers.
fn next_asked(app: &App, from: usize, forward: bool) -> Option<usize> {
    let intake = app.catalog.intake();
    let asked = |i: &usize| intake.is_asked(&intake.questions[*i].id, &app.assessment.intake);
    if forward {
        (from + 1..intake.questions.len()).find(asked)
    } else {
        (0..from).rev().find(asked)
    }
}

/// Opens the action-plan form for the current item.
pub fn open_plan(app: &mut App) -> Option<Effect> {
    let id = app.current()?.1.id.clone();
    let form = Form::plan(&id, app.assessment.plan.get(id.as_str()));
    app.overlay = Overlay::Form(Box::new(form));
    None
}

/// The documents screen's Enter: the selected record's form, a suggestion added (the user's yes)
/// and opened, or the form of a new record.
pub fn open_document(app: &mut App, now: Timestamp) -> Option<Effect> {
    use crate::documents::DocumentKind;
    use crate::documents::suggest::{Suggestions, adopt_activity, adopt_processor};
    use crate::tui::app::DocRow;
    let row = app.document_rows().get(app.documents_cursor)?.clone();
    let docs = &app.assessment.documents;
    let form = match row {
        DocRow::Heading(DocumentKind::Register) => Form::activity(None, None),
        DocRow::Heading(DocumentKind::Processors) => Form::processor(None, None),
        DocRow::Heading(DocumentKind::Breaches) => Form::breach(None, false, None, &app.tz),
        DocRow::NewDrill => Form::breach(None, true, None, &app.tz),
        DocRow::Statement => return super::update::update(app, super::action::Action::Export, now),
        DocRow::Activity(i) => Form::activity(Some(i), docs.activities.get(i)),
        DocRow::Processor(i) => Form::processor(Some(i), docs.processors.get(i)),
        DocRow::Breach(i) => {
            let b = docs.breaches.get(i)?;
            if b.drill {
                open_drill(app, i);
                return None;
            }
            Form::breach(Some(i), false, Some(b), &app.tz)
        }
        DocRow::Suggested(kind, id) => {
            if app.read_only.is_some() {
                app.message = Some((Tone::Error, t::READ_ONLY_REFUSED.into()));
                return None;
            }
            let suggestions = Suggestions::bundled();
            let docs = &mut app.assessment.documents;
            let (form, row) = match kind {
                DocumentKind::Register => {
                    let s = suggestions.activities.iter().find(|s| s.id == id)?;
                    docs.activities.push(adopt_activity(s, docs, now));
                    let i = docs.activities.len() - 1;
                    (
                        Form::activity(Some(i), docs.activities.get(i)),
                        DocRow::Activity(i),
                    )
                }
                DocumentKind::Processors => {
                    let s = suggestions.processors.iter().find(|s| s.id == id)?;
                    docs.processors.push(adopt_processor(s, docs, now));
                    let i = docs.processors.len() - 1;
                    (
                        Form::processor(Some(i), docs.processors.get(i)),
                        DocRow::Processor(i),
                    )
                }
                DocumentKind::Breaches => return None,
            };
            app.assessment.updated = now;
            app.overlay = Overlay::Form(Box::new(form));
            let effect = committed(app, "documents", t::SUGGESTION_ADDED.into());
            // The suggestion's row is gone: the selection moves to the record it became.
            if let Some(at) = app.document_rows().iter().position(|r| *r == row) {
                app.documents_cursor = at;
            }
            return effect;
        }
    };
    app.overlay = Overlay::Form(Box::new(form));
    None
}

/// Shows drill `i` on the drill screen, on its first step not done yet.
pub fn open_drill(app: &mut App, i: usize) {
    let script = crate::documents::drill::Script::bundled();
    let Some(b) = app.assessment.documents.breaches.get(i) else {
        return;
    };
    app.drill = i;
    app.drill_cursor = script.next(b).unwrap_or(script.steps.len());
    app.mode = crate::tui::app::Mode::Drill;
}

/// The drill screen's Enter: the form for the selected step done, or on the evaluation the
/// drill's own form with the evaluation to fill in.
pub fn open_drill_step(app: &mut App) -> Option<Effect> {
    let script = crate::documents::drill::Script::bundled();
    let b = app.assessment.documents.breaches.get(app.drill)?;
    let form = if app.drill_cursor < script.steps.len() {
        match script.progress(b)[app.drill_cursor].1 {
            // Done: what was recorded, to correct.
            Some(done) => Form::drill_step(app.drill, app.drill_cursor, &done.who, &done.what),
            None => {
                // Who: whoever did the last step, or the contact person.
                let who = b
                    .steps
                    .last()
                    .map_or(app.assessment.details.contact.as_str(), |s| s.who.as_str());
                let title = &script.steps[app.drill_cursor].title;
                Form::drill_step(app.drill, app.drill_cursor, who, title)
            }
        }
    } else {
        let mut form = Form::breach(Some(app.drill), true, Some(b), &app.tz);
        form.focus = form.field_labelled(t::FIELD_EVALUATION).unwrap_or(0);
        form
    };
    app.overlay = Overlay::Form(Box::new(form));
    None
}

/// A document form's values applied: to the record it edits, or to a new one. `Err` names the
/// field and the reason; nothing changes then.
fn apply_document(
    app: &mut App,
    value: FormValue,
    now: Timestamp,
) -> Result<Option<String>, crate::documents::FieldError> {
    use crate::documents::{Activity, Breach, Processor, edit};
    let tz = app.tz.clone();
    let docs = &mut app.assessment.documents;
    let name = match value {
        FormValue::Activity(at, input) => {
            let new = |list: &[Activity]| {
                let name = input.name.as_deref().unwrap_or_default();
                Activity::blank(name, list.iter().map(|a| a.id.as_str()), now)
            };
            let apply = |a: &mut Activity, _: &[Activity]| edit::apply_activity(a, &input, now);
            match edit::save_record(&mut docs.activities, at, new, apply)? {
                Some(a) => a.name.clone(),
                None => return Ok(None),
            }
        }
        FormValue::Processor(at, input) => {
            let new = |list: &[Processor]| {
                let name = input.name.as_deref().unwrap_or_default();
                Processor::blank(name, list.iter().map(|p| p.id.as_str()), now)
            };
            let apply = |p: &mut Processor, _: &[Processor]| edit::apply_processor(p, &input, now);
            match edit::save_record(&mut docs.processors, at, new, apply)? {
                Some(p) => p.name.clone(),
                None => return Ok(None),
            }
        }
        FormValue::Breach(at, drill, input) => {
            let new = |list: &[Breach]| {
                let what = input.what.clone().unwrap_or_default();
                let taken = list.iter().map(|b| b.id.as_str());
                Breach::new(now, &what, drill, now, &tz, taken)
            };
            let apply = |b: &mut Breach, list: &[Breach]| {
                let changed = edit::apply_breach(b, &input, &tz, now)?;
                if at.is_none() {
                    // The id follows the day it was found, which the form may have changed.
                    b.id = Breach::next_id(b.found, &tz, list.iter().map(|x| x.id.as_str()));
                }
                Ok(changed)
            };
            match edit::save_record(&mut docs.breaches, at, new, apply)? {
                Some(b) => b.id.clone(),
                None => return Ok(None),
            }
        }
        FormValue::DrillStep(at, step, who, what) => {
            let script = crate::documents::drill::Script::bundled();
            let (Some(b), Some(step)) = (docs.breaches.get_mut(at), script.steps.get(step)) else {
                return Ok(None);
            };
            if !crate::documents::drill::record(b, step, &who, &what, now) {
                return Ok(None);
            }
            b.stamp.updated = now;
            b.id.clone()
        }
        FormValue::Details(..) | FormValue::Plan(..) => return Ok(None),
    };
    Ok(Some(name))
}

/// Esc on a form: closed at once when nothing was typed; otherwise saved as with Enter (nothing
/// typed is lost). A refused value keeps it open and says that a second Esc closes it without
/// saving; that second Esc, with the same problem, does.
pub fn close_form(app: &mut App, form: Box<Form>, now: Timestamp) -> Option<Effect> {
    if !form.changed() {
        return None;
    }
    let refused_before = form.error.clone();
    let effect = save_form(app, form, now);
    if let Overlay::Form(open) = &mut app.overlay
        && let Some(error) = &open.error
    {
        let asked = format!("{error} {}", t::FORM_ESC_AGAIN);
        if refused_before.as_deref() == Some(asked.as_str()) {
            app.overlay = Overlay::None;
            app.message = Some((Tone::Info, t::FORM_NOT_SAVED.into()));
            return None;
        }
        open.error = Some(asked);
    }
    effect
}

/// Saves a form when its input is valid; otherwise keeps it open with the problem shown.
pub fn save_form(app: &mut App, mut form: Box<Form>, now: Timestamp) -> Option<Effect> {
    match form.parse() {
        Err((field, message)) => {
            form.focus = field;
            form.error = Some(message);
            app.overlay = Overlay::Form(form);
            None
        }
        Ok(FormValue::Details(organisation, mut details, months)) => {
            // The form has no logo field (`pqs details --logo` sets it): it stays.
            details.logo.clone_from(&app.assessment.details.logo);
            let mut changed = app.assessment.set_details(&organisation, details, now);
            if app.assessment.review_months != months {
                app.assessment.review_months = months;
                app.assessment.updated = now;
                changed = true;
            }
            if !changed {
                return None;
            }
            committed(app, "details", t::DETAILS_SAVED.into())
        }
        Ok(
            value @ (FormValue::Activity(..)
            | FormValue::Processor(..)
            | FormValue::Breach(..)
            | FormValue::DrillStep(..)),
        ) => {
            use crate::tui::app::DocRow;
            let new_drill = matches!(value, FormValue::Breach(None, true, _));
            // The row of the record saved, so the selection stays on it (the list changes when a
            // suggestion becomes a record).
            let docs = &app.assessment.documents;
            let row = match &value {
                FormValue::Activity(at, _) => {
                    Some(DocRow::Activity(at.unwrap_or(docs.activities.len())))
                }
                FormValue::Processor(at, _) => {
                    Some(DocRow::Processor(at.unwrap_or(docs.processors.len())))
                }
                FormValue::Breach(at, _, _) => {
                    Some(DocRow::Breach(at.unwrap_or(docs.breaches.len())))
                }
                _ => None,
            };
            let effect = save_document(app, form, value, now);
            if effect.is_some() {
                if new_drill {
                    // A new drill starts on its first step, with the clock running.
                    open_drill(app, app.assessment.documents.breaches.len() - 1);
                } else if app.mode == crate::tui::app::Mode::Drill {
                    open_drill(app, app.drill);
                } else if let Some(row) = row
                    && let Some(at) = app.document_rows().iter().position(|r| *r == row)
                {
                    app.documents_cursor = at;
                }
            }
            effect
        }
        Ok(FormValue::Plan(id, mut entry)) => {
            // The form edits who, when and what; a pin and a done date stay as they were.
            if let Some(kept) = app.assessment.plan.get(&id) {
                entry.done = kept.done;
                entry.pinned = kept.pinned;
            }
            if !app.assessment.set_plan(&id, entry, now) {
                return None;
            }
            committed(app, format!("plan.{id}"), t::PLAN_SAVED.into())
        }
    }
}

/// A document form's values applied and saved; the form stays open with the problem when a value
/// is refused.
fn save_document(
    app: &mut App,
    mut form: Box<Form>,
    value: FormValue,
    now: Timestamp,
) -> Option<Effect> {
    match apply_document(app, value, now) {
        Err(err) => {
            form.focus = err
                .field()
                .and_then(|f| form.field_labelled(f))
                .unwrap_or(form.focus);
            form.error = Some(err.to_string());
            app.overlay = Overlay::Form(form);
            None
        }
        Ok(None) => None,
        Ok(Some(name)) => {
            app.assessment.updated = now;
            committed(app, "documents", t::document_saved(&name))
        }
    }
}

/// Keeps the current answer as still true: clears "vraag gewijzigd" and restarts the review period.
pub fn confirm_answer(app: &mut App, now: Timestamp) -> Option<Effect> {
    let item = app.current()?.1;
    let (id, fingerprint) = (item.id.to_string(), item.fingerprint());
    if !app.assessment.confirm(&id, &fingerprint, now) {
        app.message = Some((Tone::Info, t::NOTHING_TO_CONFIRM.into()));
        return None;
    }
    let effect = answer_committed(app, id, t::ANSWER_CONFIRMED.into());
    if app.mode == Mode::Guided
        && let Some(next) = app.next_open(app.cursor + 1)
    {
        app.cursor = next;
    }
    effect
}
