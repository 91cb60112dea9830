//! Writing the HTML report and summary from the interface.

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::app::App;
use crate::documents::DocumentKind;
use crate::fs_util::{FsError, write_new};
use crate::report::{Document, html, records};

/// Writes `<name>-rapport-<date>.html`, `<name>-samenvatting-<date>.html`, the draft privacy
/// statement and each document that holds something (register, processors, breach register) into
/// `dir`, never over an earlier export (a second one that day gets `-2`, `-3`, ...); returns the
/// paths written.
pub fn export(app: &App, dir: &Path, now: Timestamp) -> Result<Vec<PathBuf>, FsError> {
    let mut doc = Document::of(
        &app.catalog,
        &app.scan,
        &app.assessment,
        &app.name,
        now,
        app.tz.clone(),
    );
    // What the report screen compares with (the previous session unless another was chosen).
    doc.progress = app.progress().cloned();
    let day = now.to_zoned_datetime(app.tz.clone()).date();
    // The report and summary; the draft privacy statement; each document that holds something.
    let mut files = vec![
        ("rapport", html::render(&doc)),
        ("samenvatting", html::render_summary(&doc)),
        (
            "privacyverklaring-concept",
            html::render_statement(&crate::documents::Statement::draft(
                &app.catalog,
                &app.assessment,
            )),
        ),
    ];
    let docs = &app.assessment.documents;
    for (kind, stem, any) in [
        (
            DocumentKind::Register,
            "verwerkingsregister",
            docs.activities().next().is_some(),
        ),
        (
            DocumentKind::Processors,
            "verwerkers",
            docs.processors().next().is_some(),
        ),
        (
            DocumentKind::Breaches,
            "datalekregister",
            !docs.breaches.is_empty(),
        ),
    ] {
        if any {
            let records = records::records(kind, docs, now, &app.tz);
            files.push((stem, html::render_records(&doc, &records)));
        }
    }
    let mut written = Vec::new();
    for (kind, content) in files {
        written.push(write_dated(
            dir,
            &format!("{}-{kind}-{day}", app.name),
            &content,
        )?);
    }
    Ok(written)
}

/// Writes `<stem>.html` in `dir`, or `<stem>-2.html` and so on when that exists: an earlier export
/// is never replaced.
fn write_dated(dir: &Path, stem: &str, content: &str) -> Result<PathBuf, FsError> {
    let mut n = 1;
    loop {
        let name = if n == 1 {
            format!("{stem}.html")
        } else {
            format!("{stem}-{n}.html")
        };
        let path = dir.join(name);
        match write_new(&path, content.as_bytes()) {
            Ok(_) => return Ok(path),
            Err(err) if err.is_already_there() && n < 1000 => n += 1,
            Err(err) => return Err(err),
        }
    }
}
