//! `pqs list`: every assessment in the data folder, newest edit first.

use jiff::tz::TimeZone;
use serde_json::json;

use super::{Config, Error, ListFormat, print};
use crate::clock;
use crate::report::document::percent;
use crate::report::{Listing, Unreadable, listing};
use crate::text as t;

pub(super) fn list(global: &Config, format: ListFormat) -> Result<(), Error> {
    let catalog = global.catalog()?;
    let store = global.store();
    let rows = listing(&store, &catalog, clock::now())?;
    let rendered = match format {
        ListFormat::Json => render_json(&rows),
        ListFormat::Text if rows.is_empty() => {
            t::no_assessments(&store.dir().display().to_string())
        }
        ListFormat::Text => render_table(&rows, &clock::local_tz()),
    };
    print(&rendered)?;
    let unreadable: Vec<&Unreadable> = rows.iter().filter_map(|r| r.as_ref().err()).collect();
    if unreadable.is_empty() {
        Ok(())
    } else {
        Err(Error::ListUnreadable {
            count: unreadable.len(),
            details: unreadable
                .iter()
                .map(|u| u.error.to_string())
                .collect::<Vec<_>>()
                .join("\n"),
        })
    }
}

/// The aligned table; an unreadable file is a row with the first line of its error.
fn render_table(rows: &[Result<Listing, Unreadable>], tz: &TimeZone) -> String {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| match row {
            Ok(l) => vec![
                l.name.clone(),
                // The name may come from an edited or imported file: no control characters.
                match crate::sanitize::line(&l.organisation) {
                    name if name.is_empty() => t::NOT_FILLED.to_owned(),
                    name => name,
                },
                format!("{}/{}", l.answered, l.total),
                format!("{}%", percent(l.score)),
                l.open_high.to_string(),
                clock::date_time(l.updated, tz),
            ],
            Err(u) => {
                let message = u.error.to_string();
                let first_line = message.lines().next().unwrap_or_default();
                vec![u.name.clone(), t::unreadable_row(first_line)]
            }
        })
        .collect();
    let headers: Vec<String> = t::LIST_HEADERS.iter().map(|h| (*h).to_owned()).collect();
    // An error message (the last cell of a short row) may run past the table: it sets no width.
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in &cells {
        let sized = if row.len() == headers.len() {
            row.len()
        } else {
            row.len() - 1
        };
        for (width, cell) in widths.iter_mut().zip(&row[..sized]) {
            *width = (*width).max(cell.chars().count());
        }
    }
    // Numbers align right; text left.
    let right = [false, false, true, true, true, false];
    let mut out = String::new();
    for row in std::iter::once(&headers).chain(&cells) {
        let line: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(i, cell)| {
                let pad = widths[i].saturating_sub(cell.chars().count());
                match (right[i], i + 1 == row.len()) {
                    (true, _) => format!("{}{cell}", " ".repeat(pad)),
                    (false, true) => cell.clone(),
                    (false, false) => format!("{cell}{}", " ".repeat(pad)),
                }
            })
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    out
}

/// The JSON shape documented in README.md; an unreadable file has `name` and `error` only.
fn render_json(rows: &[Result<Listing, Unreadable>]) -> String {
    let list: Vec<_> = rows
        .iter()
        .map(|row| match row {
            Ok(l) => json!({
                "name": l.name,
                "organisation": l.organisation,
                "answered": l.answered,
                "total": l.total,
                "score": (l.score * 10.0).round() / 10.0,
                "open_high": l.open_high,
                "gaps": l.gaps,
                "updated": l.updated.to_string(),
                "sessions": l.sessions,
            }),
            Err(u) => json!({ "name": u.name, "error": u.error.to_string() }),
        })
        .collect();
    crate::report::json::to_text(&json!({ "assessments": list }))
}
