//! `pqs report` and the text report printed when the questionnaire closes.

use std::path::Path;

use jiff::Timestamp;

use super::{Config, Error, ReportFormat, print};
use crate::assessment::{Assessment, Store};
use crate::checklist::Catalog;
use crate::clock;
use crate::output::{document, stdout_layout};
use crate::report::{Scan, csv, html, json, markdown, text};

/// Reads an assessment that must exist, listing the ones that do when it does not; answers of
/// replaced questions are moved to their replacement in memory.
pub fn read_existing(store: &Store, name: &str, catalog: &Catalog) -> Result<Assessment, Error> {
    exists(store, name, store.read_migrated(name, catalog)?)
}

/// From how large an assessment file (in bytes) [`read_with_catalog`] reads it and the
/// checklists at once: what that saves is at most the time of reading the assessment (at 10,000
/// items with a year of history, a 6.8 MB file, 6 to 7 ms of a report's 44), and a thread costs
/// about 3 MiB (its heap's first huge page, its stack), which for the bundled content was a
/// third more memory for less than a millisecond.
const AT_ONCE_FROM: u64 = 1 << 20;

/// The checklists and an assessment that must exist, the assessment's answers of replaced
/// questions moved as [`read_existing`] moves them; for a large file both read at once
/// ([`crate::heap::both`], [`AT_ONCE_FROM`]). An error in the checklists comes first, as when
/// they were read first.
pub fn read_with_catalog(global: &Config) -> Result<(Catalog, Assessment), Error> {
    let store = global.store();
    let name = &global.assessment;
    let large = std::fs::symlink_metadata(store.path(name)).is_ok_and(|m| m.len() >= AT_ONCE_FROM);
    // On two threads a broken checklist is noticed after the assessment was read (and its parsed
    // copy made: no harm, the next read makes it anyway); one after the other, the assessment is
    // not read at all then.
    let (catalog, read) = if large {
        let (catalog, read) = crate::heap::both(|| global.catalog(), || store.read(name));
        (catalog?, read)
    } else {
        let catalog = global.catalog()?;
        (catalog, store.read(name))
    };
    let mut assessment = exists(&store, name, read?)?;
    crate::assessment::migration::migrate(&catalog, &mut assessment);
    Ok((catalog, assessment))
}

/// Reads an assessment that must exist exactly as stored (for `pqs export`).
pub fn read_as_stored(store: &Store, name: &str) -> Result<Assessment, Error> {
    exists(store, name, store.read(name)?)
}

fn exists(store: &Store, name: &str, read: Option<Assessment>) -> Result<Assessment, Error> {
    match read {
        Some(assessment) => Ok(assessment),
        None => Err(Error::NoAssessment {
            name: name.to_owned(),
            dir: store.dir().to_owned(),
            existing: store.list()?,
        }),
    }
}

pub(super) fn report(
    global: &Config,
    format: ReportFormat,
    output: Option<&Path>,
    summary: bool,
    since: Option<Timestamp>,
) -> Result<(), Error> {
    if summary && matches!(format, ReportFormat::Json | ReportFormat::Csv) {
        return Err(Error::SummaryFormat);
    }
    let (catalog, assessment) = read_with_catalog(global)?;
    let scan = Scan::new(&catalog, &assessment, clock::now());
    let mut doc = document(&catalog, &scan, &assessment, &global.assessment);
    if let Some(moment) = since {
        doc = doc.since(&catalog, &assessment, moment);
    }
    let layout = if output.is_some() {
        text::Layout::PLAIN
    } else {
        stdout_layout()
    };
    let rendered = match (format, summary) {
        (ReportFormat::Text, false) => text::render(&doc, layout),
        (ReportFormat::Text, true) => text::render_summary(&doc, layout),
        (ReportFormat::Markdown, false) => markdown::render(&doc),
        (ReportFormat::Markdown, true) => markdown::render_summary(&doc),
        (ReportFormat::Html, false) => html::render(&doc),
        (ReportFormat::Html, true) => html::render_summary(&doc),
        // To stdout it is written as it is made (`json::write`).
        (ReportFormat::Json, _) if output.is_none() => String::new(),
        (ReportFormat::Json, _) => json::render(&doc),
        (ReportFormat::Csv, _) => csv::render(&doc),
    };
    let written = match output {
        // Our own colour passes only in the coloured text report; CSV keeps its line ends. JSON
        // is written as it is to a pipe or a file: its escaper already wrote every control, bidi
        // and line-separator character as `\uXXXX` (json::write_text), so the terminal pass would
        // change nothing; on a terminal it still goes through it.
        None if layout.color && format == ReportFormat::Text => {
            crate::output::print_coloured(&rendered).map_err(super::stdout_error)
        }
        None if format == ReportFormat::Json => {
            crate::output::print_data_with(|out| json::write(&doc, out))
                .map_err(super::stdout_error)
        }
        None if format == ReportFormat::Csv => {
            crate::output::print_data(&rendered).map_err(super::stdout_error)
        }
        None => print(&rendered),
        Some(path) => super::write_to(global, path, rendered.as_bytes()),
    };
    // The process ends after the report: the operating system takes back its memory at once,
    // where dropping would free every item's strings one by one (with 10,000 items, a tenth of
    // the report's time).
    std::mem::forget(rendered);
    std::mem::forget(doc);
    std::mem::forget(scan);
    std::mem::forget(assessment);
    std::mem::forget(catalog);
    written
}
