//! Typed values applied to a record: the one place where the command line and the questionnaire's
//! forms turn text into a register entry, a processor or a breach, checked before anything changes.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::{Activity, Breach, FieldError, LegalBasis, Location, Processor};
use crate::assessment::parse_due;
use crate::sanitize;
use crate::text as t;

/// Typed values for an activity; `None` leaves a field as it is, `""` clears it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActivityEdit {
    /// `--name` / the form field.
    pub name: Option<String>,
    /// `--purpose` / the form field.
    pub purpose: Option<String>,
    /// `--basis` / the form field.
    pub basis: Option<String>,
    /// `--interest` / the form field.
    pub interest: Option<String>,
    /// `--people` / the form field.
    pub people: Option<String>,
    /// `--data` / the form field.
    pub data: Option<String>,
    /// `--special` / the form field.
    pub special: Option<String>,
    /// `--criminal` / the form field.
    pub criminal: Option<String>,
    /// `--recipients` / the form field.
    pub recipients: Option<String>,
    /// `--transfers` / the form field.
    pub transfers: Option<String>,
    /// `--retention` / the form field.
    pub retention: Option<String>,
    /// `--security` / the form field.
    pub security: Option<String>,
}

/// Typed values for a processor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProcessorEdit {
    /// `--name` / the form field.
    pub name: Option<String>,
    /// `--service` / the form field.
    pub service: Option<String>,
    /// `--data` / the form field.
    pub data: Option<String>,
    /// `--location` / the form field.
    pub location: Option<String>,
    /// `--safeguard` / the form field.
    pub safeguard: Option<String>,
    /// `--agreement` / the form field.
    pub agreement: Option<String>,
    /// `--checked` / the form field.
    pub checked: Option<String>,
}

/// Typed values for a breach or drill; `steps` are added ("Naam: wat").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BreachEdit {
    /// `--found` / the form field.
    pub found: Option<String>,
    /// `--what` / the form field.
    pub what: Option<String>,
    /// `--data` / the form field.
    pub data: Option<String>,
    /// `--people` / the form field.
    pub people: Option<String>,
    /// `--consequences` / the form field.
    pub consequences: Option<String>,
    /// `--measures` / the form field.
    pub measures: Option<String>,
    /// `--reported` / the form field.
    pub reported: Option<String>,
    /// `--not-reported` / the form field.
    pub not_reported: Option<String>,
    /// `--late-because` / the form field.
    pub late_because: Option<String>,
    /// `--informed` / the form field.
    pub informed: Option<String>,
    /// `--not-informed` / the form field.
    pub not_informed: Option<String>,
    /// Steps to add to a drill.
    pub step: Vec<String>,
    /// Steps of the drill done, as `STEP` or `STEP=Naam: wat` (the step's number or id).
    pub done: Vec<String>,
    /// `--evaluation` / the form field.
    pub evaluation: Option<String>,
}

/// A form's record saved into `list`: the one at `at` changed by `apply`, or a new one from `new`
/// (given the list, for a free id) with `apply` on it, added at the end. `apply` also gets the list
/// as it is (a new record is not in it yet). Returns the record as saved, or `None` when an existing record did not
/// change; on an error nothing changes.
pub fn save_record<T: Clone>(
    list: &mut Vec<T>,
    at: Option<usize>,
    new: impl FnOnce(&[T]) -> T,
    apply: impl FnOnce(&mut T, &[T]) -> Result<bool, FieldError>,
) -> Result<Option<&T>, FieldError> {
    let mut record = match at.and_then(|i| list.get(i)) {
        Some(existing) => existing.clone(),
        None => new(list),
    };
    let changed = apply(&mut record, list)?;
    match at.filter(|i| *i < list.len()) {
        Some(_) if !changed => Ok(None),
        Some(i) => {
            list[i] = record;
            Ok(list.get(i))
        }
        None => {
            list.push(record);
            Ok(list.last())
        }
    }
}

/// `ja` or `nee`.
pub fn yes_no(field: &'static str, text: &str) -> Result<bool, FieldError> {
    match text.trim() {
        "ja" => Ok(true),
        "nee" => Ok(false),
        other => Err(FieldError::NotAllowed {
            field,
            value: sanitize::line(other),
            allowed: "ja, nee".into(),
        }),
    }
}

/// A typed text field: one line, control characters out.
fn text(value: &str) -> String {
    sanitize::input_line(value)
}

/// The activity fields, checked, applied to `a`; `Ok(false)` when nothing changed.
pub fn apply_activity(
    a: &mut Activity,
    f: &ActivityEdit,
    now: Timestamp,
) -> Result<bool, FieldError> {
    let before = a.clone();
    let basis = match f.basis.as_deref() {
        None => a.basis,
        Some("") => None,
        Some(b) => Some(LegalBasis::parse(b)?),
    };
    let special = f
        .special
        .as_deref()
        .map(|v| yes_no(t::FIELD_SPECIAL, v))
        .transpose()?;
    let criminal = f
        .criminal
        .as_deref()
        .map(|v| yes_no(t::FIELD_CRIMINAL, v))
        .transpose()?;
    let fields = [
        (&mut a.name, &f.name),
        (&mut a.purpose, &f.purpose),
        (&mut a.interest, &f.interest),
        (&mut a.people, &f.people),
        (&mut a.data, &f.data),
        (&mut a.recipients, &f.recipients),
        (&mut a.transfers, &f.transfers),
        (&mut a.retention, &f.retention),
        (&mut a.security, &f.security),
    ];
    for (field, value) in fields {
        if let Some(value) = value {
            *field = text(value);
        }
    }
    a.basis = basis;
    a.special = special.unwrap_or(a.special);
    a.criminal = criminal.unwrap_or(a.criminal);
    a.check()?;
    Ok(super::history::record(&before, a, now))
}

/// A date as typed (JJJJ-MM-DD or DD-MM-JJJJ); empty is none.
pub fn date_field(
    field: &'static str,
    value: &str,
) -> Result<Option<jiff::civil::Date>, FieldError> {
    if value.trim().is_empty() {
        return Ok(None);
    }
    parse_due(value)
        .map(Some)
        .ok_or_else(|| FieldError::BadDate {
            field,
            value: sanitize::line(value),
            example: "2026-11-30 of 30-11-2026",
        })
}

/// The processor fields, checked, applied to `p`; `Ok(false)` when nothing changed.
pub fn apply_processor(
    p: &mut Processor,
    f: &ProcessorEdit,
    now: Timestamp,
) -> Result<bool, FieldError> {
    let before = p.clone();
    let location = match f.location.as_deref() {
        None => p.location,
        Some("") => None,
        Some(l) => Some(Location::parse(l)?),
    };
    // Signed and checked are past facts: a date after today (wherever in the world today is) is
    // a typing error, and would mark the processor complete too early.
    let latest = now
        .checked_add(jiff::SignedDuration::from_hours(14))
        .unwrap_or(now)
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .date();
    let past = |field: &'static str, d: &str| match date_field(field, d)? {
        Some(day) if day > latest => Err(FieldError::InFuture(field)),
        day => Ok(day),
    };
    let agreement = match f.agreement.as_deref() {
        None => p.agreement,
        Some(d) => past(t::FIELD_AGREEMENT, d)?,
    };
    let checked = match f.checked.as_deref() {
        None => p.checked,
        Some(d) => past(t::FIELD_CHECKED, d)?,
    };
    for (field, value) in [
        (&mut p.name, &f.name),
        (&mut p.service, &f.service),
        (&mut p.data, &f.data),
        (&mut p.safeguard, &f.safeguard),
    ] {
        if let Some(value) = value {
            *field = text(value);
        }
    }
    p.location = location;
    p.agreement = agreement;
    p.checked = checked;
    p.check()?;
    Ok(super::history::record(&before, p, now))
}

/// A moment as typed: "nu", a date and time in local time ("2026-12-01 14:30"), a date, or RFC 3339.
pub fn moment(
    field: &'static str,
    value: &str,
    tz: &TimeZone,
    now: Timestamp,
) -> Result<Timestamp, FieldError> {
    let value = value.trim();
    if value.is_empty() || value == "nu" {
        return Ok(now);
    }
    let parsed =
        crate::report::progress::parse_moment(value, tz).ok_or_else(|| FieldError::BadDate {
            field,
            value: sanitize::line(value),
            example: "\"1-12-2026 14:30\", 1-12-2026 of nu",
        })?;
    if parsed > now {
        return Err(FieldError::InFuture(field));
    }
    Ok(parsed)
}

/// The breach fields, checked, applied to `b` (a moment in the future is refused); `Ok(false)`
/// when nothing changed.
pub fn apply_breach(
    b: &mut Breach,
    f: &BreachEdit,
    tz: &TimeZone,
    now: Timestamp,
) -> Result<bool, FieldError> {
    let before = b.clone();
    // A moment is typed to the minute: the same minute keeps the seconds stored (a form shows the
    // minute and gives it back unchanged).
    let same_minute = |kept: Option<Timestamp>, typed: Timestamp| match kept {
        Some(kept) if kept.as_second().div_euclid(60) == typed.as_second().div_euclid(60) => kept,
        _ => typed,
    };
    if let Some(found) = &f.found {
        b.found = same_minute(Some(b.found), moment(t::FIELD_FOUND, found, tz, now)?);
    }
    if let Some(at) = &f.reported {
        b.reported = Some(same_minute(
            b.reported,
            moment(t::FIELD_REPORTED_AT, at, tz, now)?,
        ));
        b.not_reported_because.clear();
    }
    if let Some(at) = &f.informed {
        b.informed = Some(same_minute(
            b.informed,
            moment(t::FIELD_INFORMED_AT, at, tz, now)?,
        ));
        b.not_informed_because.clear();
    }
    if let Some(reason) = &f.not_reported {
        b.not_reported_because = text(reason);
        if !reason.trim().is_empty() {
            b.reported = None;
        }
    }
    if let Some(reason) = &f.not_informed {
        b.not_informed_because = text(reason);
        if !reason.trim().is_empty() {
            b.informed = None;
        }
    }
    for (field, value) in [
        (&mut b.what, &f.what),
        (&mut b.data, &f.data),
        (&mut b.people, &f.people),
        (&mut b.consequences, &f.consequences),
        (&mut b.measures, &f.measures),
        (&mut b.late_because, &f.late_because),
        (&mut b.evaluation, &f.evaluation),
    ] {
        if let Some(value) = value {
            *field = text(value);
        }
    }
    for step in &f.step {
        let (who, what) = step.split_once(':').unwrap_or(("", step));
        if what.trim().is_empty() {
            return Err(FieldError::Empty(t::FIELD_STEP_NEW));
        }
        b.steps.push(crate::documents::breaches::Step {
            at: now,
            who: text(who),
            what: text(what),
            step: String::new(),
        });
    }
    let script = crate::documents::drill::Script::bundled();
    for done in &f.done {
        if !b.drill {
            return Err(FieldError::Conflict(t::DONE_ONLY_IN_A_DRILL));
        }
        let (which, typed) = done.split_once('=').unwrap_or((done, ""));
        let which = which.trim();
        let step = which
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| script.steps.get(i))
            .or_else(|| script.steps.iter().find(|s| s.id == which))
            .ok_or_else(|| FieldError::NotAllowed {
                field: t::FIELD_DONE_STEP,
                value: sanitize::line(which),
                allowed: format!(
                    "1 tot en met {}, of {}",
                    script.steps.len(),
                    script
                        .steps
                        .iter()
                        .map(|s| s.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            })?;
        let (who, what) = typed.split_once(':').unwrap_or(("", typed));
        crate::documents::drill::record(b, step, who, what, now);
    }
    b.check()?;
    Ok(super::history::record(&before, b, now))
}
