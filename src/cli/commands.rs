//! The small commands: `answer`, `checklists` and `validate`.

use std::path::PathBuf;

use super::edit::{check_item, update_assessment};
use super::{Config, Error, ListFormat, print};
use crate::assessment::Status;
use crate::checklist::validate::validate_files;
use crate::text as t;

pub(super) fn answer(
    global: &Config,
    item: &str,
    status: &str,
    note: Option<&str>,
    organisation: Option<&str>,
) -> Result<(), Error> {
    let catalog = global.catalog()?;
    let status: Status = status.parse()?;
    check_item(&catalog, item)?;
    let fingerprint = catalog.item(item).map(|(_, i)| i.fingerprint());
    // What the update reads of the catalog is kept, and the catalog let go before the assessment
    // is read: at 10,000 items it is a third of the command's memory, which the assessment's
    // read and save then use again.
    let replaced = catalog.replaced();
    drop(catalog);
    update_assessment(global, &replaced, |assessment, now| {
        if let Some(name) = organisation.map(crate::sanitize::input_line)
            && assessment.organisation != name
        {
            assessment.organisation = name;
            assessment.updated = now;
        }
        assessment.set_status(item, Some(status), fingerprint.as_deref(), now);
        if let Some(note) = note {
            assessment.set_note(item, note, now);
        }
    })
    // `answer` creates silently, as it always did: scripts call it item after item.
    .map(|_created| ())
}

/// `pqs checklists --format json`, written straight from the catalog (at 10,000 items a tree of
/// `serde_json::Value`s cost a third of the command): fields in alphabetical order, as a `Value`
/// object keeps its keys, so the text is what it was.
#[derive(serde::Serialize)]
struct ChecklistsOut<'a> {
    checklists: Vec<ChecklistOut<'a>>,
}

/// One checklist of `pqs checklists --format json`.
#[derive(serde::Serialize)]
struct ChecklistOut<'a> {
    applies_if: Vec<String>,
    id: &'a str,
    items: Vec<ItemOut<'a>>,
    see: Vec<&'a str>,
    source: String,
    title: &'a str,
    version: u32,
}

/// One item of `pqs checklists --format json`.
#[derive(serde::Serialize)]
struct ItemOut<'a> {
    applies_if: Vec<String>,
    depth: &'a str,
    follows: Option<&'a str>,
    id: &'a str,
    question: &'a str,
    reference: &'a str,
    scope: &'a str,
    section: Option<&'a str>,
    severity: &'a str,
    task: Option<&'a str>,
}

pub(super) fn checklists(global: &Config, format: ListFormat) -> Result<(), Error> {
    let catalog = global.catalog()?;
    let printed = match format {
        ListFormat::Json => {
            let checklists = catalog
                .checklists()
                .iter()
                .map(|c| ChecklistOut {
                    id: &c.id,
                    title: &c.title,
                    version: c.version,
                    source: c.source.to_string(),
                    applies_if: c.applies_if.iter().map(ToString::to_string).collect(),
                    items: c
                        .items
                        .iter()
                        .map(|i| ItemOut {
                            id: &i.id,
                            section: i.section.as_deref(),
                            question: &i.question,
                            severity: i.severity.as_str(),
                            reference: &i.reference,
                            depth: i.depth.as_str(),
                            scope: i.scope.as_str(),
                            follows: i.follows.as_deref(),
                            applies_if: i.applies_if.iter().map(ToString::to_string).collect(),
                            task: i.task.as_deref(),
                        })
                        .collect(),
                    // Items of other checklists this one lists (asked once, shown in both).
                    see: c
                        .entries
                        .iter()
                        .filter_map(|e| match e {
                            crate::checklist::Entry::See(id, _) => Some(id.as_str()),
                            crate::checklist::Entry::Own(_) => None,
                        })
                        .collect(),
                })
                .collect();
            // Written as it is made (see `json::write`); the JSON escaper leaves nothing for the
            // terminal pass.
            let out = ChecklistsOut { checklists };
            let printed =
                crate::output::print_data_with(|w| crate::report::json::write_text(&out, w))
                    .map_err(super::stdout_error);
            std::mem::forget(out);
            printed
        }
        ListFormat::Text => {
            let mut out = String::new();
            for c in catalog.checklists() {
                let source = match &c.source {
                    crate::checklist::Source::Bundled => t::BUNDLED.to_owned(),
                    crate::checklist::Source::File(path) => path.display().to_string(),
                };
                out.push_str(&format!(
                    "{:<22} {:>3} {}  {}  ({source})\n",
                    c.id,
                    c.items.len(),
                    t::QUESTIONS_WORD,
                    c.title
                ));
            }
            print(&out)
        }
    };
    // As after a report: the process ends here, and the operating system takes the memory back at
    // once (with 10,000 items, freeing the catalog string by string was a twelfth of the command).
    std::mem::forget(catalog);
    printed
}

pub(super) fn validate(global: &Config, files: &[PathBuf]) -> Result<(), Error> {
    let mut invalid = 0;
    let user_dir = global.checklists_dir();
    let copies = global.checklist_copies();
    let validation = validate_files(files, user_dir.as_deref(), copies.as_deref());
    // Left to the OS at exit, like the catalog of every other command (see `checklists`).
    std::mem::forget(validation.checked_in);
    for (path, result) in validation.results {
        match result {
            Ok(valid) => print(&format!(
                "{}: {}\n",
                path.display(),
                t::valid_content(valid)
            ))?,
            Err(err) => {
                invalid += 1;
                crate::output::eprint(&err.to_string());
            }
        }
    }
    if invalid == 0 {
        Ok(())
    } else {
        Err(Error::Invalid(invalid))
    }
}
