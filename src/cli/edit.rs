//! `pqs intake`, `pqs plan` and `pqs details`: set every field of an assessment without the TUI.

use jiff::Timestamp;

use super::manage_args::{DetailsArgs, PlanArgs};
use super::report::{read_existing, read_with_catalog};
use super::{Config, Error, print};
use crate::assessment::migration::Replacements;
use crate::assessment::{Assessment, PlanEntry, parse_due};
use crate::checklist::Catalog;
use crate::clock;
use crate::sanitize;
use crate::text as t;

/// Locks the assessment, reads it (a new one when there is no file), applies `change` and saves.
/// Returns whether the assessment was created by this call.
pub(super) fn update_assessment(
    global: &Config,
    catalog: &impl Replacements,
    change: impl FnOnce(&mut Assessment, Timestamp),
) -> Result<bool, Error> {
    let writer = global.store().lock(&global.assessment)?;
    let now = clock::now();
    // Answers of replaced questions move first (after a backup of the file as it was).
    let existing = writer.read_migrated(catalog, now)?.map(|(a, migrated)| {
        if let Some(notice) = t::migrated(&global.assessment, &migrated) {
            crate::output::eprint(&notice);
        }
        a
    });
    let created = existing.is_none();
    let mut assessment = existing.unwrap_or_else(|| Assessment::new("", now));
    change(&mut assessment, now);
    // A merge (another process changed the file meanwhile) keeps both changes; nothing to do here.
    writer.save_last(&assessment)?;
    Ok(created)
}

/// Locks the assessment, which must exist, applies `change` and saves only when it succeeds: an id
/// that is not there or a refused value writes nothing. Returns what `change` returned.
pub(super) fn update_checked<T>(
    global: &Config,
    catalog: &Catalog,
    change: impl FnOnce(&mut Assessment, Timestamp) -> Result<T, Error>,
) -> Result<T, Error> {
    let writer = global.store().lock(&global.assessment)?;
    let now = clock::now();
    let Some((mut assessment, migrated)) = writer.read_migrated(catalog, now)? else {
        let store = global.store();
        return Err(Error::NoAssessment {
            name: global.assessment.clone(),
            dir: store.dir().to_owned(),
            existing: store.list()?,
        });
    };
    if let Some(notice) = t::migrated(&global.assessment, &migrated) {
        crate::output::eprint(&notice);
    }
    let out = change(&mut assessment, now)?;
    writer.save_last(&assessment)?;
    Ok(out)
}

/// [`update_assessment`], saying so when it made a new assessment: a mistyped `-a` name must not go
/// unnoticed.
fn update_or_create(
    global: &Config,
    catalog: &Catalog,
    change: impl FnOnce(&mut Assessment, Timestamp),
) -> Result<(), Error> {
    if update_assessment(global, catalog, change)? {
        let path = global.store().path(&global.assessment);
        print(&t::assessment_created(
            &global.assessment,
            &path.display().to_string(),
        ))?;
    }
    Ok(())
}

/// The error for an item id that is in no checklist, with the nearest ids.
pub(super) fn check_item(catalog: &Catalog, item: &str) -> Result<(), Error> {
    if catalog.item(item).is_some() {
        return Ok(());
    }
    Err(Error::UnknownItem {
        id: item.to_owned(),
        suggestions: catalog
            .suggest(item, 3)
            .into_iter()
            .map(str::to_owned)
            .collect(),
    })
}

/// Label-value lines with the values in one column.
pub(super) fn labelled(pairs: &[(&str, String)]) -> String {
    let width = pairs
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0);
    pairs
        .iter()
        .map(|(label, value)| {
            // Values may come from an edited or imported file: never print control characters.
            let value = sanitize::line(value);
            let value = if value.is_empty() {
                t::NOT_FILLED
            } else {
                value.as_str()
            };
            let pad = width - label.chars().count();
            format!("{label}{}  {value}\n", " ".repeat(pad))
        })
        .collect()
}

pub(super) fn intake(
    global: &Config,
    flag: Option<&str>,
    answer: Option<&str>,
) -> Result<(), Error> {
    let catalog = global.catalog()?;
    let intake = catalog.intake();
    let Some(flag) = flag else {
        let assessment = global.store().read_migrated(&global.assessment, &catalog)?;
        let answers = assessment.map(|a| a.intake).unwrap_or_default();
        let width = intake.flags().map(|f| f.chars().count()).max().unwrap_or(0);
        let answered = intake
            .questions
            .iter()
            .filter(|q| answers.contains_key(&q.id))
            .count();
        let mut out = t::intake_heading(&global.assessment, answered, intake.questions.len());
        for question in &intake.questions {
            let label = answer_label(intake, question, &answers);
            out.push_str(&format!(
                "  {:<width$}  {:<13}  {}\n",
                question.id,
                sanitize::line(&label),
                question.question
            ));
        }
        let facts = intake.effective(&answers);
        let decided: Vec<String> = intake
            .decisions
            .iter()
            .map(|d| {
                let outcome = d.decide(&facts);
                t::decision_line(&d.title, outcome)
            })
            .collect();
        if !decided.is_empty() {
            out.push_str(&t::decisions_heading());
            for line in decided {
                out.push_str(&line);
            }
        }
        out.push_str(t::INTAKE_HOW);
        return print(&out);
    };
    let Some(question) = intake.question(flag) else {
        return Err(Error::UnknownFlag {
            flag: flag.to_owned(),
            suggestions: intake
                .suggest(flag, 3)
                .into_iter()
                .map(str::to_owned)
                .collect(),
        });
    };
    match answer {
        Some(text) => {
            let value = parse_intake_answer(question, text)?;
            update_or_create(global, &catalog, |assessment, now| {
                assessment.set_intake(flag, value, now);
            })
        }
        None => {
            let answers = global
                .store()
                .read_migrated(&global.assessment, &catalog)?
                .map(|a| a.intake)
                .unwrap_or_default();
            let mut out = format!(
                "{}: {}\n{}\n",
                question.id, question.question, question.explanation
            );
            for choice in &question.choices {
                out.push_str(&format!("  {:<10} {}\n", choice.id, choice.label));
            }
            out.push_str(&format!(
                "{}: {}\n",
                t::INTAKE_CURRENT,
                answer_label(intake, question, &answers)
            ));
            print(&out)
        }
    }
}

/// The answer to an intake question as shown: ja, nee, a choice's label, open or niet gevraagd.
fn answer_label(
    intake: &crate::checklist::Intake,
    question: &crate::checklist::IntakeQuestion,
    answers: &crate::checklist::Facts,
) -> String {
    let answer = answers.get(&question.id);
    let label = answer
        .and_then(|a| a.choice())
        .and_then(|id| question.choice(id))
        .map(|c| c.label.as_str());
    t::intake_answer_asked(answer, label, intake.is_asked(&question.id, answers))
}

/// An intake answer typed on the command line: ja/yes, nee/no or open for a yes/no question; the
/// id of a choice (or open) for a multiple-choice one. `None` clears the answer.
fn parse_intake_answer(
    question: &crate::checklist::IntakeQuestion,
    text: &str,
) -> Result<Option<crate::checklist::Value>, Error> {
    use crate::checklist::Value;
    let word = text.trim().to_lowercase();
    if word == "open" {
        return Ok(None);
    }
    if question.is_yes_no() {
        return match word.as_str() {
            "ja" | "yes" | "j" | "y" => Ok(Some(Value::Yes)),
            "nee" | "no" | "n" => Ok(Some(Value::No)),
            _ => Err(Error::BadIntakeAnswer {
                flag: question.id.clone(),
                answer: text.to_owned(),
                allowed: "ja, nee of open".into(),
            }),
        };
    }
    match question.choice(&word) {
        Some(choice) => Ok(Some(Value::Choice(choice.id.clone()))),
        None => Err(Error::BadIntakeAnswer {
            flag: question.id.clone(),
            answer: text.to_owned(),
            allowed: question
                .choices
                .iter()
                .map(|c| format!("{} ({})", c.id, c.label))
                .chain(std::iter::once("open".to_owned()))
                .collect::<Vec<_>>()
                .join(", "),
        }),
    }
}

pub(super) fn plan(global: &Config, args: &PlanArgs) -> Result<(), Error> {
    let catalog = global.catalog()?;
    let Some(item) = args.item.as_deref() else {
        // The whole plan, in plan order.
        let assessment = read_existing(&global.store(), &global.assessment, &catalog)?;
        let scan = crate::report::Scan::new(&catalog, &assessment, clock::now());
        let doc = crate::output::document(&catalog, &scan, &assessment, &global.assessment);
        return print(&crate::report::text::render_plan(
            &doc,
            crate::output::stdout_layout(),
        ));
    };
    if catalog.tasks().get(item).is_none() {
        check_item(&catalog, item)?;
    }
    if !args.changes() {
        let entry = global
            .store()
            .read(&global.assessment)?
            .and_then(|a| a.plan.get(item).cloned());
        let shown = match entry {
            None => format!("{item}\n{}\n", t::PLAN_EMPTY),
            Some(entry) => {
                let [owner, due, action] = t::PLAN_LABELS;
                let due_text = entry.due.map(t::date_long).unwrap_or_default();
                let mut pairs = vec![
                    (owner, entry.owner),
                    (due, due_text),
                    (action, entry.action),
                ];
                if let Some(place) = entry.pinned {
                    pairs.push((t::PLAN_PINNED, place.to_string()));
                }
                if let Some(day) = entry.done {
                    pairs.push((t::TASKS_DONE, t::date_long(day)));
                }
                format!("{item}\n{}", labelled(&pairs))
            }
        };
        return print(&shown);
    }
    // A bad date is refused before the file is touched.
    let parse = |text: &str| parse_due(text).ok_or_else(|| Error::BadDate(text.to_owned()));
    let due = match args.due.as_deref().map(str::trim) {
        None => None,
        Some("") => Some(None),
        Some(text) => Some(Some(parse(text)?)),
    };
    let done = match args.done.as_deref().map(str::trim) {
        None => None,
        Some("") => Some(
            clock::now()
                .to_zoned_datetime(crate::clock::local_tz())
                .date(),
        ),
        Some(text) => Some(parse(text)?),
    };
    update_or_create(global, &catalog, |assessment, now| {
        let mut entry = match args.clear {
            true => PlanEntry::default(),
            false => assessment.plan.get(item).cloned().unwrap_or_default(),
        };
        if let Some(owner) = &args.owner {
            entry.owner = sanitize::input_line(owner);
        }
        if let Some(due) = due {
            entry.due = due;
        }
        if let Some(action) = &args.action {
            entry.action = sanitize::input_line(action);
        }
        if let Some(place) = args.pin {
            entry.pinned = (place > 0).then_some(place);
        }
        if let Some(day) = done {
            entry.done = Some(day);
        }
        if args.reopen {
            entry.done = None;
        }
        assessment.set_plan(item, entry, now);
    })
}

pub(super) fn details(global: &Config, args: &DetailsArgs) -> Result<(), Error> {
    let catalog = global.catalog()?;
    if !args.changes() {
        let assessment = read_existing(&global.store(), &global.assessment, &catalog)?;
        let [
            organisation,
            contact,
            assessor,
            kvk,
            address,
            email,
            phone,
            dpo,
            review,
            depth,
            logo,
        ] = t::DETAILS_LABELS;
        let mut depths = t::depth_name(assessment.depth()).to_owned();
        for (id, d) in &assessment.depth_per_checklist {
            depths.push_str(&format!(", {id}: {}", t::depth_name(*d)));
        }
        let review_months = assessment.review_period();
        let d = assessment.details;
        return print(&labelled(&[
            (t::ASSESSMENT, global.assessment.clone()),
            (organisation, assessment.organisation),
            (contact, d.contact),
            (assessor, d.assessor),
            (kvk, d.kvk),
            (address, d.address),
            (email, d.email),
            (phone, d.phone),
            (dpo, d.dpo),
            (review, t::review_after(review_months)),
            (depth, depths),
            (logo, t::logo_line(d.logo.as_ref())),
        ]));
    }
    let kvk = match args.kvk.as_deref() {
        None => None,
        Some(typed) => Some(
            crate::assessment::parse_kvk(typed).ok_or_else(|| Error::BadKvk(typed.to_owned()))?,
        ),
    };
    let email = match args.email.as_deref() {
        None => None,
        Some(typed) => Some(
            crate::assessment::parse_email(typed)
                .ok_or_else(|| Error::BadEmail(typed.to_owned()))?,
        ),
    };
    let phone = match args.phone.as_deref() {
        None => None,
        Some(typed) => Some(
            crate::assessment::parse_phone(typed)
                .ok_or_else(|| Error::BadPhone(typed.to_owned()))?,
        ),
    };
    // The logo is read and checked before anything is written: a bad file changes nothing.
    let logo = match args.logo.as_deref() {
        None => None,
        Some("") => Some(None),
        Some(path) => Some(Some(read_logo(std::path::Path::new(path))?)),
    };
    let checklist_depth = match &args.checklist_depth {
        None => None,
        Some(text) => Some(parse_checklist_depth(&catalog, text)?),
    };
    update_or_create(global, &catalog, |assessment, now| {
        let mut details = assessment.details.clone();
        let fields = [
            (&mut details.contact, args.contact.as_deref()),
            (&mut details.assessor, args.assessor.as_deref()),
            (&mut details.kvk, kvk.as_deref()),
            (&mut details.address, args.address.as_deref()),
            (&mut details.email, email.as_deref()),
            (&mut details.phone, phone.as_deref()),
            (&mut details.dpo, args.dpo.as_deref()),
        ];
        for (field, value) in fields {
            if let Some(value) = value {
                *field = sanitize::input_line(value);
            }
        }
        if let Some(logo) = &logo {
            details.logo.clone_from(logo);
        }
        let organisation = args
            .organisation
            .as_deref()
            .map_or_else(|| assessment.organisation.clone(), sanitize::input_line);
        assessment.set_details(&organisation, details, now);
        if let Some(months) = args.review_months
            && assessment.review_months != Some(months)
        {
            assessment.review_months = Some(months);
            assessment.updated = now;
        }
        if let Some(depth) = args.depth {
            assessment.set_depth(None, depth.into(), now);
        }
        if let Some((checklist, depth)) = &checklist_depth {
            assessment.set_depth(Some(checklist), *depth, now);
        }
    })?;
    // Say so: a change that prints nothing looks like one that did nothing.
    print(&format!("{}\n", t::DETAILS_SAVED))
}

/// Reads `--logo FILE`: a regular file (not a device or folder) of at most 512 kB that is a PNG or
/// SVG image.
fn read_logo(path: &std::path::Path) -> Result<crate::assessment::Logo, Error> {
    use crate::assessment::{Logo, LogoProblem, MAX_LOGO_BYTES};
    let limits = crate::fs_util::Limits {
        bytes: MAX_LOGO_BYTES as u64,
        what: "logo's",
        no_symlink: None,
    };
    let bytes = crate::fs_util::read_bytes(path, limits)?;
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    Logo::from_bytes(&name, &bytes).map_err(|problem| match problem {
        LogoProblem::NotAnImage | LogoProblem::TooLarge => {
            Error::BadLogo(sanitize::line(&path.display().to_string()))
        }
    })
}

/// `--checklist-depth ID=snel|volledig`: a checklist that exists and a depth.
fn parse_checklist_depth(
    catalog: &Catalog,
    text: &str,
) -> Result<(String, crate::assessment::ScanDepth), Error> {
    use crate::assessment::ScanDepth;
    let bad = || Error::BadChecklistDepth(text.to_owned());
    let (id, depth) = text.split_once('=').ok_or_else(bad)?;
    let depth = match depth.trim() {
        "snel" => ScanDepth::Snel,
        "volledig" => ScanDepth::Volledig,
        _ => return Err(bad()),
    };
    let id = id.trim();
    catalog.checklist(id).ok_or_else(bad)?;
    Ok((id.to_owned(), depth))
}

pub(super) fn repair(global: &Config) -> Result<(), Error> {
    use crate::assessment::archive::Repair;
    let store = global.store();
    let writer = store.lock(&global.assessment)?;
    let shown = |p: &std::path::Path| p.display().to_string();
    match writer.repair(clock::now())? {
        Repair::Missing => Err(Error::NoAssessment {
            name: global.assessment.clone(),
            dir: store.dir().to_owned(),
            existing: store.list()?,
        }),
        Repair::Complete => print(&t::repair_not_needed(&global.assessment)),
        Repair::Repaired { answers, backup } => {
            print(&t::repaired(&global.assessment, answers, &shown(&backup)))
        }
    }
}

/// `pqs session`: the sessions, oldest first; with `--end` the last one is ended (with a title).
pub(super) fn session(
    global: &Config,
    args: &super::manage_args::SessionArgs,
) -> Result<(), Error> {
    let (catalog, assessment) = read_with_catalog(global)?;
    if !args.end {
        let rows = crate::report::progress::sessions(&catalog, &assessment);
        if rows.is_empty() {
            return print(t::NO_SESSIONS);
        }
        let tz = crate::clock::local_tz();
        let lines: Vec<String> = rows
            .iter()
            .zip(&assessment.sessions)
            .map(|(row, session)| {
                t::session_line(
                    &row.start
                        .to_zoned_datetime(tz.clone())
                        .strftime("%Y-%m-%d %H:%M")
                        .to_string(),
                    &row.end
                        .to_zoned_datetime(tz.clone())
                        .strftime("%H:%M")
                        .to_string(),
                    &sanitize::line(&row.assessor),
                    row.changes,
                    crate::report::document::percent(row.score),
                    &sanitize::line(&session.title),
                    session.ended,
                )
            })
            .collect();
        return print(&(lines.join("\n") + "\n"));
    }
    if assessment.sessions.is_empty() {
        return Err(Error::NoSession(global.assessment.clone()));
    }
    let title = args.title.as_deref().map(sanitize::input_line);
    update_assessment(global, &catalog, |a, _| {
        a.end_session(title.as_deref());
    })?;
    print(&t::session_ended(title.as_deref().unwrap_or("")))
}
