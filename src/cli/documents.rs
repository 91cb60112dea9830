//! `pqs register`, `pqs verwerkers` and `pqs datalek`: the documents, from the command line. Every
//! value is checked before the file is locked, so bad input writes nothing.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::documents_args::{
    BreachAction, BreachArgs, DocFormat, DocOutput, ProcessorAction, ProcessorArgs, RegisterAction,
    RegisterArgs,
};
use super::edit::{labelled, update_checked};
use super::report::read_existing;
use super::{Config, Error, print};
use crate::checklist::suggest::{edit_distance, nearest};
use crate::documents::edit;
use crate::documents::suggest::{Suggestion, Suggestions, adopt_activity, adopt_processor};
use crate::documents::{Activity, Breach, FieldError, LegalBasis, Processor, Record};
use crate::sanitize;
use crate::text as t;

/// Writes a document as records in the chosen format (not text), to stdout or `-o`.
fn write_records(
    global: &Config,
    catalog: &crate::checklist::Catalog,
    assessment: &crate::assessment::Assessment,
    kind: crate::documents::DocumentKind,
    out: &DocOutput,
) -> Result<(), Error> {
    use crate::report::{csv, html, markdown, records};
    let now = crate::clock::now();
    let scan = crate::report::Scan::new(catalog, assessment, now);
    let doc = crate::output::document(catalog, &scan, assessment, &global.assessment);
    let records = records::records(kind, &assessment.documents, now, &doc.tz);
    let rendered = match out.format {
        DocFormat::Csv => csv::render_records(&records),
        DocFormat::Markdown => markdown::render_records(&doc, &records),
        DocFormat::Html => html::render_records(&doc, &records),
        DocFormat::Text => return Err(FieldError::Conflict(t::OUTPUT_NEEDS_FORMAT).into()),
    };
    match &out.output {
        Some(path) => super::write_to(global, path, rendered.as_bytes()),
        None if out.format == DocFormat::Csv => {
            crate::output::print_data(&rendered).map_err(super::stdout_error)
        }
        None => print(&rendered),
    }
}

/// Whether the listing is asked as a document rather than the short terminal list.
fn as_records(out: &DocOutput) -> bool {
    out.format != DocFormat::Text || out.output.is_some()
}

/// An unknown id among `known`, with the nearest.
fn unknown<'a>(
    what: &'static str,
    id: &str,
    known: impl Iterator<Item = &'a str> + Clone,
) -> Error {
    Error::UnknownRecord {
        what,
        id: sanitize::line(id),
        suggestions: nearest(id, known.clone(), |k| edit_distance(id, k), 3)
            .into_iter()
            .map(str::to_owned)
            .collect(),
        known: known.map(str::to_owned).collect(),
    }
}

/// The index of record `id` in `list` that is not removed, or an error naming the ones there are.
fn live<T: Record>(list: &[T], id: &str, what: &'static str) -> Result<usize, Error> {
    let live = || list.iter().filter(|r| r.stamp().removed.is_none());
    list.iter()
        .position(|r| r.id() == id && r.stamp().removed.is_none())
        .ok_or_else(|| unknown(what, id, live().map(Record::id)))
}

/// `show`: the earlier values of a record, in local time.
fn history_of<T: crate::documents::history::Fields>(record: &T) -> String {
    t::record_history(
        &crate::documents::history::earlier(record),
        &crate::clock::local_tz(),
    )
}

/// The suggestion `id`, or an error naming the ones there are.
fn suggestion<'a, T>(list: &'a [Suggestion<T>], id: &str) -> Result<&'a Suggestion<T>, Error> {
    list.iter()
        .find(|s| s.id == id)
        .ok_or_else(|| unknown(t::WHAT_SUGGESTION, id, list.iter().map(|s| s.id.as_str())))
}

/// `add`: from a suggestion, or with a name (without either, the name field is empty).
fn template<'a, T>(
    list: &'a [Suggestion<T>],
    from: Option<&String>,
    name: Option<&str>,
    name_field: &'static str,
) -> Result<Option<&'a Suggestion<T>>, Error> {
    match from {
        Some(id) => suggestion(list, id).map(Some),
        None if name.is_none_or(|n| n.trim().is_empty()) => {
            Err(FieldError::Empty(name_field).into())
        }
        None => Ok(None),
    }
}

/// `remove`: the record stays in the file, marked removed now; its name for the message.
fn remove<T: Record>(
    list: &mut [T],
    id: &str,
    what: &'static str,
    now: Timestamp,
) -> Result<usize, Error> {
    let at = live(list, id, what)?;
    list[at].stamp_mut().removed = Some(now);
    Ok(at)
}

// ---- the register ----

fn activity_lines(a: &Activity) -> String {
    let basis = a
        .basis
        .map_or(String::new(), |b| t::basis_label(b).to_owned());
    let mut pairs = vec![
        (t::ID_LABEL, a.id.clone()),
        (t::FIELD_ACTIVITY, a.name.clone()),
        (t::FIELD_PURPOSE, a.purpose.clone()),
        (t::FIELD_BASIS, basis),
    ];
    if a.basis == Some(LegalBasis::GerechtvaardigdBelang) {
        pairs.push((t::FIELD_INTEREST, a.interest.clone()));
    }
    pairs.extend([
        (t::FIELD_PEOPLE, a.people.clone()),
        (t::FIELD_DATA, a.data.clone()),
        (t::FIELD_SPECIAL, t::yes_no(a.special).to_owned()),
        (t::FIELD_CRIMINAL, t::yes_no(a.criminal).to_owned()),
        (t::FIELD_RECIPIENTS, a.recipients.clone()),
        (t::FIELD_TRANSFERS, a.transfers.clone()),
        (t::FIELD_RETENTION, a.retention.clone()),
        (t::FIELD_SECURITY, a.security.clone()),
    ]);
    labelled(&pairs)
}

fn missing_activity(a: &Activity) -> String {
    let missing: Vec<&str> = a.missing().iter().map(|f| f.label()).collect();
    t::missing_fields(&missing)
}

/// `pqs register`.
pub(super) fn register(global: &Config, args: &RegisterArgs) -> Result<(), Error> {
    let catalog = global.catalog()?;
    let suggestions = Suggestions::bundled();
    let Some(action) = &args.action else {
        let a = read_existing(&global.store(), &global.assessment, &catalog)?;
        if as_records(&args.out) {
            let kind = crate::documents::DocumentKind::Register;
            return write_records(global, &catalog, &a, kind, &args.out);
        }
        let facts = catalog.intake().effective(&a.intake);
        let rows: Vec<(String, String, String)> = a
            .documents
            .activities()
            .map(|x| (x.id.clone(), x.name.clone(), missing_activity(x)))
            .collect();
        let offered: Vec<(String, String)> = suggestions
            .activities_for(&facts, &a.documents)
            .map(|s| (s.id.clone(), s.record.name.clone()))
            .collect();
        return print(&t::register_list(&rows, &offered));
    };
    match action {
        RegisterAction::Show { id } => {
            let a = read_existing(&global.store(), &global.assessment, &catalog)?;
            let found =
                &a.documents.activities[live(&a.documents.activities, id, t::WHAT_ACTIVITY)?];
            print(&format!(
                "{}{}\n{}",
                activity_lines(found),
                missing_activity(found),
                history_of(found)
            ))
        }
        RegisterAction::Add { from, fields } => {
            let template = template(
                &suggestions.activities,
                from.as_ref(),
                fields.name.as_deref(),
                t::FIELD_ACTIVITY,
            )?;
            let added = update_checked(global, &catalog, |assessment, now| {
                let docs = &mut assessment.documents;
                let mut activity = match template {
                    Some(s) => adopt_activity(s, docs, now),
                    None => Activity::blank(
                        fields.name.as_deref().unwrap_or(""),
                        docs.activities.iter().map(|a| a.id.as_str()),
                        now,
                    ),
                };
                edit::apply_activity(&mut activity, &fields.into(), now)?;
                docs.activities.push(activity.clone());
                assessment.updated = now;
                Ok(activity)
            })?;
            print(&t::record_added(
                t::WHAT_ACTIVITY,
                &added.name,
                &added.id,
                &missing_activity(&added),
            ))
        }
        RegisterAction::Edit { id, fields } => {
            let edited = update_checked(global, &catalog, |assessment, now| {
                let list = &mut assessment.documents.activities;
                let at = live(list, id, t::WHAT_ACTIVITY)?;
                let activity = &mut list[at];
                if edit::apply_activity(activity, &fields.into(), now)? {
                    assessment.updated = now;
                }
                Ok(activity.clone())
            })?;
            print(&t::record_saved(
                t::WHAT_ACTIVITY,
                &edited.name,
                &missing_activity(&edited),
            ))
        }
        RegisterAction::Remove { id } => {
            let removed = update_checked(global, &catalog, |assessment, now| {
                let list = &mut assessment.documents.activities;
                let at = remove(list, id, t::WHAT_ACTIVITY, now)?;
                assessment.updated = now;
                Ok(list[at].name.clone())
            })?;
            print(&t::record_removed(t::WHAT_ACTIVITY, &removed))
        }
    }
}

// ---- the processors ----

fn missing_processor(p: &Processor) -> String {
    let missing: Vec<&str> = p.missing().into_iter().map(t::processor_missing).collect();
    t::missing_fields(&missing)
}

fn processor_lines(p: &Processor) -> String {
    let day = |d: Option<jiff::civil::Date>| d.map_or(String::new(), t::date_long);
    labelled(&[
        (t::ID_LABEL, p.id.clone()),
        (t::FIELD_PROCESSOR, p.name.clone()),
        (t::FIELD_SERVICE, p.service.clone()),
        (t::FIELD_DATA, p.data.clone()),
        (
            t::FIELD_LOCATION,
            p.location
                .map_or(String::new(), |l| t::location_label(l).to_owned()),
        ),
        (t::FIELD_SAFEGUARD, p.safeguard.clone()),
        (t::FIELD_AGREEMENT, day(p.agreement)),
        (t::FIELD_CHECKED, day(p.checked)),
    ])
}

/// `pqs verwerkers`.
pub(super) fn processors(global: &Config, args: &ProcessorArgs) -> Result<(), Error> {
    let catalog = global.catalog()?;
    let suggestions = Suggestions::bundled();
    let Some(action) = &args.action else {
        let a = read_existing(&global.store(), &global.assessment, &catalog)?;
        if as_records(&args.out) {
            let kind = crate::documents::DocumentKind::Processors;
            return write_records(global, &catalog, &a, kind, &args.out);
        }
        let facts = catalog.intake().effective(&a.intake);
        let rows: Vec<(String, String, String)> = a
            .documents
            .processors()
            .map(|p| (p.id.clone(), p.name.clone(), missing_processor(p)))
            .collect();
        let offered: Vec<(String, String)> = suggestions
            .processors_for(&facts, &a.documents)
            .map(|s| (s.id.clone(), s.record.name.clone()))
            .collect();
        return print(&t::processor_list(&rows, &offered));
    };
    match action {
        ProcessorAction::Show { id } => {
            let a = read_existing(&global.store(), &global.assessment, &catalog)?;
            let p = &a.documents.processors[live(&a.documents.processors, id, t::WHAT_PROCESSOR)?];
            print(&format!(
                "{}{}\n{}",
                processor_lines(p),
                missing_processor(p),
                history_of(p)
            ))
        }
        ProcessorAction::Add { from, fields } => {
            let template = template(
                &suggestions.processors,
                from.as_ref(),
                fields.name.as_deref(),
                t::FIELD_PROCESSOR,
            )?;
            let added = update_checked(global, &catalog, |assessment, now| {
                let docs = &mut assessment.documents;
                let mut p = match template {
                    Some(s) => adopt_processor(s, docs, now),
                    None => Processor::blank(
                        fields.name.as_deref().unwrap_or(""),
                        docs.processors.iter().map(|p| p.id.as_str()),
                        now,
                    ),
                };
                edit::apply_processor(&mut p, &fields.into(), now)?;
                docs.processors.push(p.clone());
                assessment.updated = now;
                Ok(p)
            })?;
            print(&t::record_added(
                t::WHAT_PROCESSOR,
                &added.name,
                &added.id,
                &missing_processor(&added),
            ))
        }
        ProcessorAction::Edit { id, fields } => {
            let edited = update_checked(global, &catalog, |assessment, now| {
                let list = &mut assessment.documents.processors;
                let at = live(list, id, t::WHAT_PROCESSOR)?;
                let p = &mut list[at];
                if edit::apply_processor(p, &fields.into(), now)? {
                    assessment.updated = now;
                }
                Ok(p.clone())
            })?;
            print(&t::record_saved(
                t::WHAT_PROCESSOR,
                &edited.name,
                &missing_processor(&edited),
            ))
        }
        ProcessorAction::Remove { id } => {
            let removed = update_checked(global, &catalog, |assessment, now| {
                let list = &mut assessment.documents.processors;
                let at = remove(list, id, t::WHAT_PROCESSOR, now)?;
                assessment.updated = now;
                Ok(list[at].name.clone())
            })?;
            print(&t::record_removed(t::WHAT_PROCESSOR, &removed))
        }
    }
}

// ---- the breach register ----

fn breach_lines(b: &Breach, tz: &TimeZone, now: Timestamp) -> String {
    let when = |m: Option<Timestamp>| m.map_or(String::new(), |m| t::date_time_long(m, tz));
    let mut pairs = vec![
        (t::ID_LABEL, b.id.clone()),
        (t::FIELD_FOUND, t::date_time_long(b.found, tz)),
        (
            if b.drill {
                t::FIELD_STATE
            } else {
                t::FIELD_CLOCK
            },
            t::breach_state(b, now, tz),
        ),
        (t::FIELD_WHAT_HAPPENED, b.what.clone()),
        (t::FIELD_BREACH_DATA, b.data.clone()),
        (t::FIELD_BREACH_PEOPLE, b.people.clone()),
        (t::FIELD_CONSEQUENCES, b.consequences.clone()),
        (t::FIELD_MEASURES, b.measures.clone()),
        (t::FIELD_REPORTED_AT, when(b.reported)),
        (t::FIELD_NOT_REPORTED, b.not_reported_because.clone()),
        (t::FIELD_INFORMED_AT, when(b.informed)),
        (t::FIELD_NOT_INFORMED, b.not_informed_because.clone()),
    ];
    if b.reported.is_some_and(|r| r > b.deadline()) {
        pairs.push((t::FIELD_LATE_BECAUSE, b.late_because.clone()));
    }
    if b.drill {
        pairs.push((t::FIELD_EVALUATION, b.evaluation.clone()));
    }
    let mut out = labelled(&pairs);
    if b.drill {
        // The drill's steps in order, done or not, then any step typed freely.
        let script = crate::documents::drill::Script::bundled();
        for (n, (step, done)) in script.progress(b).into_iter().enumerate() {
            let done = done.map(|d| {
                t::drill_step_record(
                    &t::date_time_long(d.at, tz),
                    &sanitize::line(&d.who),
                    &sanitize::line(&d.what),
                )
            });
            out.push_str(&t::drill_script_line(
                n + 1,
                &sanitize::line(&step.title),
                done,
            ));
        }
    }
    // Steps not of the drill (typed freely, or of a step that is no longer in it).
    let script = crate::documents::drill::Script::bundled();
    let of_the_drill = |s: &crate::documents::breaches::Step| {
        b.drill && script.steps.iter().any(|x| x.id == s.step)
    };
    for step in b.steps.iter().filter(|s| !of_the_drill(s)) {
        out.push_str(&t::drill_step(
            &t::date_time_long(step.at, tz),
            &sanitize::line(&step.who),
            &sanitize::line(&step.what),
        ));
    }
    out
}

/// `pqs datalek`.
pub(super) fn breaches(global: &Config, args: &BreachArgs) -> Result<(), Error> {
    let catalog = global.catalog()?;
    let tz = crate::clock::local_tz();
    let now = crate::clock::now();
    let Some(action) = &args.action else {
        let a = read_existing(&global.store(), &global.assessment, &catalog)?;
        if as_records(&args.out) {
            let kind = crate::documents::DocumentKind::Breaches;
            return write_records(global, &catalog, &a, kind, &args.out);
        }
        return print(&t::breach_list(&a.documents, &tz, now));
    };
    match action {
        BreachAction::Show { id } => {
            let a = read_existing(&global.store(), &global.assessment, &catalog)?;
            let b = &a.documents.breaches[live(&a.documents.breaches, id, t::WHAT_BREACH)?];
            let missing = t::missing_fields(&b.missing());
            print(&format!(
                "{}{missing}\n{}",
                breach_lines(b, &tz, now),
                history_of(b)
            ))
        }
        BreachAction::Add { drill, fields } => {
            let Some(what) = fields.what.as_deref().filter(|w| !w.trim().is_empty()) else {
                return Err(FieldError::Empty(t::FIELD_WHAT_HAPPENED).into());
            };
            // Checked once before the lock, so a bad value writes nothing.
            let mut probe = Breach::new(now, what, *drill, now, &tz, [].into_iter());
            edit::apply_breach(&mut probe, &fields.into(), &tz, now)?;
            let added = update_checked(global, &catalog, |assessment, at| {
                let docs = &mut assessment.documents;
                let found = probe.found;
                let mut b = Breach::new(
                    found,
                    what,
                    *drill,
                    at,
                    &tz,
                    docs.breaches.iter().map(|b| b.id.as_str()),
                );
                edit::apply_breach(&mut b, &fields.into(), &tz, at)?;
                docs.breaches.push(b.clone());
                assessment.updated = at;
                Ok(b)
            })?;
            print(&format!(
                "{}{}\n",
                t::breach_added(&added.id, added.drill),
                t::breach_state(&added, now, &tz)
            ))
        }
        BreachAction::Edit { id, fields } => {
            let edited = update_checked(global, &catalog, |assessment, at| {
                let i = live(&assessment.documents.breaches, id, t::WHAT_BREACH)?;
                let b = &mut assessment.documents.breaches[i];
                if edit::apply_breach(b, &fields.into(), &tz, at)? {
                    assessment.updated = at;
                }
                Ok(b.clone())
            })?;
            print(&format!(
                "{}{}\n",
                t::record_saved(
                    t::breach_kind(edited.drill),
                    &edited.id,
                    &t::missing_fields(&edited.missing())
                ),
                t::breach_state(&edited, now, &tz)
            ))
        }
        BreachAction::Remove { id } => {
            let removed = update_checked(global, &catalog, |assessment, at| {
                let list = &mut assessment.documents.breaches;
                let i = live(list, id, t::WHAT_BREACH)?;
                if !list[i].drill {
                    return Err(FieldError::Conflict(t::BREACH_STAYS_CLI).into());
                }
                list[i].stamp.removed = Some(at);
                assessment.updated = at;
                Ok(list[i].what.clone())
            })?;
            print(&t::record_removed(t::WHAT_DRILL, &removed))
        }
    }
}
