//! `pqs report` and the text report printed when the questionnaire closes.

use std::io::{self, IsTerminal};
use std::path::Path;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::{CliError, Global, ReportFormat, output_width, print};
use crate::assessment::{Assessment, Store};
use crate::checklist::Catalog;
use crate::clock;
use crate::report::{Document, Scan, csv, html, json, markdown, text};

/// Reads an assessment that must exist, listing the ones that do when it does not.
pub fn read_existing(store: &Store, name: &str) -> Result<Assessment, CliError> {
    match store.read(name)? {
        Some(assessment) => Ok(assessment),
        None => Err(CliError::NoAssessment {
            name: name.to_owned(),
            dir: store.dir().to_owned(),
            existing: store.list()?,
        }),
    }
}

/// The report document of an assessment, made now, with dates in the system time zone.
fn document<'a>(
    catalog: &Catalog,
    scan: &'a Scan,
    assessment: &'a Assessment,
    name: &'a str,
) -> Document<'a> {
    Document::of(
        catalog,
        scan,
        assessment,
        name,
        clock::now(),
        TimeZone::system(),
    )
}

/// The plain text report of an assessment (printed when the questionnaire closes).
pub fn text_report(
    catalog: &Catalog,
    assessment: &Assessment,
    name: &str,
    layout: text::Layout,
) -> String {
    let scan = Scan::new(catalog, assessment, clock::now());
    text::render(&document(catalog, &scan, assessment, name), layout)
}

/// Text layout for stdout: the terminal's width and colour (unless NO_COLOR), else 80 plain columns.
pub fn stdout_layout() -> text::Layout {
    let color =
        io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    text::Layout {
        width: output_width(),
        color,
    }
}

pub(super) fn report(
    global: &Global,
    format: ReportFormat,
    output: Option<&Path>,
    summary: bool,
    since: Option<Timestamp>,
) -> Result<(), CliError> {
    if summary && matches!(format, ReportFormat::Json | ReportFormat::Csv) {
        return Err(CliError::SummaryFormat);
    }
    let catalog = global.catalog()?;
    let assessment = read_existing(&global.store(), &global.assessment)?;
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
        (ReportFormat::Json, _) => json::render(&doc),
        (ReportFormat::Csv, _) => csv::render(&doc),
    };
    match output {
        None => print(&rendered),
        Some(path) => {
            super::guard_output(global, path)?;
            crate::assessment::store::write_atomic(path, rendered.as_bytes())
                .map_err(CliError::from)
        }
    }
}
