//! Updates for the intake, the forms (details, action plan) and confirming an answer.

use jiff::Timestamp;

use super::action::IntakeKey;
use super::app::{App, Mode, Overlay, Tone};
use super::form::{Form, FormValue};
use super::update::Effect;
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
    let form = Form::plan(&id, app.assessment.plan.get(&id));
    app.overlay = Overlay::Form(Box::new(form));
    None
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
            app.touch("details");
            app.refresh();
            app.message = Some((Tone::Info, t::DETAILS_SAVED.into()));
            Some(Effect::Save)
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
            app.touch(format!("plan.{id}"));
            app.refresh();
            app.message = Some((Tone::Info, t::PLAN_SAVED.into()));
            Some(Effect::Save)
        }
    }
}

/// Keeps the current answer as still true: clears "vraag gewijzigd" and restarts the review period.
pub fn confirm_answer(app: &mut App, now: Timestamp) -> Option<Effect> {
    let item = app.current()?.1;
    let (id, fingerprint) = (item.id.clone(), item.fingerprint());
    if !app.assessment.confirm(&id, &fingerprint, now) {
        app.message = Some((Tone::Info, t::NOTHING_TO_CONFIRM.into()));
        return None;
    }
    app.touch(id);
    app.refresh();
    app.message = Some((Tone::Info, t::ANSWER_CONFIRMED.into()));
    if app.mode == Mode::Guided
        && let Some(next) = app.next_open(app.cursor + 1)
    {
        app.cursor = next;
    }
    Some(Effect::Save)
}
