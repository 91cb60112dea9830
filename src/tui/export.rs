//! Writing the HTML report and summary from the interface.

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::app::App;
use crate::fs_util::{FsError, write_atomic};
use crate::report::{Document, html};

/// Writes `<name>-rapport.html` and `<name>-samenvatting.html` into `dir`; returns the paths written.
pub fn export(app: &App, dir: &Path, now: Timestamp) -> Result<Vec<PathBuf>, FsError> {
    let doc = Document::of(
        &app.catalog,
        &app.scan,
        &app.assessment,
        &app.name,
        now,
        app.tz.clone(),
    );
    let files = [
        (format!("{}-rapport.html", app.name), html::render(&doc)),
        (
            format!("{}-samenvatting.html", app.name),
            html::render_summary(&doc),
        ),
    ];
    let mut written = Vec::new();
    for (name, content) in files {
        let path = dir.join(name);
        write_atomic(&path, content.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}
