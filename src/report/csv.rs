//! The CSV export: one row per catalog item (once, where it lives), then one per orphaned answer.

use std::collections::HashMap;

use super::document::Document;
use super::scan::{Gap, ItemState};
use crate::sanitize;
use crate::text as t;

/// Number of columns.
const COLUMNS: usize = t::CSV_HEADERS.len() + t::CSV_PLAN_HEADERS.len();

/// The columns of the action plan and applicability for one item: owner, due, agreed action, overdue,
/// applies (with the intake reason), review due, question changed, asked (the intake, the depth and
/// a parent's answer leave it in), depth, scope. Owner and action are user text.
fn plan_columns(item: &ItemState, gap: Option<&Gap>) -> [String; 10] {
    let plan = gap.and_then(|g| g.plan.as_ref());
    let applies = match &item.excluded {
        None => t::yes_no(true).to_owned(),
        Some(e) => t::excluded_reason(&e.cause),
    };
    [
        plan.map(|p| p.owner.clone()).unwrap_or_default(),
        plan.and_then(|p| p.due)
            .map(|d| d.to_string())
            .unwrap_or_default(),
        plan.map(|p| p.action.clone()).unwrap_or_default(),
        gap.filter(|g| g.plan.is_some())
            .map(|g| t::yes_no(g.overdue).to_owned())
            .unwrap_or_default(),
        applies,
        t::yes_no(item.review_due).to_owned(),
        t::yes_no(item.question_changed).to_owned(),
        t::yes_no(item.asked()).to_owned(),
        t::depth_label(item.depth).to_owned(),
        t::scope_label(item.scope).to_owned(),
    ]
}

/// Byte order mark at the start of the file.
///
/// Excel reads a CSV file without a BOM in the system's legacy code page (Windows-1252 on Dutch
/// systems), which turns "é" into "Ã©". With a UTF-8 BOM it reads UTF-8. LibreOffice, Numbers, Google
/// Sheets and the `csv` crate cope with the BOM (the `csv` reader strips it, other tools ignore it), so
/// it costs little. A `sep=` hint line is not used because Excel then ignores the BOM.
pub const BOM: &str = "\u{feff}";

/// The field separator: a semicolon, the list separator of Dutch (and most European) Excel, so a
/// double-clicked file opens in columns there (with a comma every row landed in column A).
/// LibreOffice and Google Sheets detect it; the `csv` crate reads it with `.delimiter(DELIMITER)`.
/// Otherwise RFC 4180: quotes where needed, records end in `\r\n`.
pub const DELIMITER: u8 = b';';

/// Renders the CSV export: a BOM, a header row (text::CSV_HEADERS then text::CSV_PLAN_HEADERS), one row per item of every checklist
/// (in catalog order), then one row per orphan with an empty checklist, so every answer and note the
/// user entered is in the file. Fields are quoted where RFC 4180 requires it; records end in `\r\n`.
pub fn render(doc: &Document) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(DELIMITER)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail, and every record has the header's length. Every cell, checklist
    // text included, goes through `cell`.
    let mut write = |first: [&str; 9], rest: &[String]| {
        let record: Vec<String> = first
            .into_iter()
            .chain(rest.iter().map(String::as_str))
            .map(cell)
            .collect();
        debug_assert_eq!(record.len(), COLUMNS);
        writer
            .write_record(record)
            .expect("writing CSV to memory cannot fail");
    };
    let plan_headers = t::CSV_PLAN_HEADERS.map(str::to_owned);
    write(t::CSV_HEADERS, &plan_headers);
    let gaps: HashMap<&str, &Gap> = doc.scan.gaps.iter().map(|g| (g.id.as_str(), g)).collect();
    // Each item once, in the checklist it lives in (one listed in two would count twice in a sum).
    for checklist in &doc.scan.checklists {
        for item in checklist.items.iter().filter(|i| i.shared_from.is_none()) {
            let answered_at = item
                .answered_at
                .map(|at| at.to_string())
                .unwrap_or_default();
            let rest = plan_columns(item, gaps.get(item.id.as_str()).copied());
            write(
                [
                    &checklist.id,
                    &item.id,
                    item.section.as_deref().unwrap_or(""),
                    &item.question,
                    t::severity_label(item.severity),
                    t::status_label(item.status),
                    &item.note,
                    &answered_at,
                    &item.reference,
                ],
                &rest,
            );
        }
    }
    let empty = [(); 10].map(|()| String::new());
    for orphan in &doc.scan.orphans {
        write(
            [
                "",
                &orphan.id,
                "",
                "",
                "",
                t::status_label(orphan.status),
                &orphan.note,
                "",
                "",
            ],
            &empty,
        );
    }
    let bytes = writer
        .into_inner()
        .expect("flushing CSV to memory cannot fail");
    let body = String::from_utf8(bytes).expect("CSV of UTF-8 strings is UTF-8");
    format!("{BOM}{body}")
}

/// A document's records as CSV: a BOM, the column labels, one row per record; every cell
/// through [`cell`] (no control characters, no formulas).
pub fn render_records(records: &super::records::Records) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(DELIMITER)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut write = |cells: Vec<String>| {
        writer
            .write_record(cells)
            .expect("writing CSV to memory cannot fail");
    };
    write(records.columns.iter().map(|c| cell(c)).collect());
    for row in &records.rows {
        write(row.cells.iter().map(|c| cell(c)).collect());
    }
    let bytes = writer
        .into_inner()
        .expect("flushing CSV to memory cannot fail");
    let body = String::from_utf8(bytes).expect("CSV of UTF-8 strings is UTF-8");
    format!("{BOM}{body}")
}

/// One CSV cell: sanitised ([`sanitize::text`]: no control or bidi characters, line breaks kept)
/// and kept from being run as a spreadsheet formula: text whose first character after any leading
/// whitespace is `=`, `+`, `-` or `@` gets a leading `'`, which spreadsheets show as plain text
/// (OWASP's advice). A tab or carriage return at the start counts as whitespace, so it is covered.
fn cell(text: &str) -> String {
    let text = sanitize::text(text);
    // Invisible characters (zero-width space, BOM, word joiner) count as whitespace here.
    let formula = text
        .trim_start_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
                )
        })
        .starts_with(['=', '+', '-', '@']);
    if formula { format!("'{text}") } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture;

    fn output() -> String {
        let scan = fixture::scan();
        let org = fixture::assessment().organisation;
        render(&fixture::document(&scan, &org))
    }

    fn records(out: &str) -> (csv::StringRecord, Vec<csv::StringRecord>) {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(DELIMITER)
            .flexible(true)
            .from_reader(out.as_bytes());
        let headers = reader.headers().expect("header row").clone();
        let rows = reader
            .records()
            .collect::<Result<Vec<_>, _>>()
            .expect("valid CSV");
        (headers, rows)
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(output());
    }

    #[test]
    fn starts_with_bom_and_header() {
        let out = output();
        assert!(out.starts_with(BOM));
        let first = out.trim_start_matches(BOM).lines().next().unwrap();
        let headers = [t::CSV_HEADERS.join(";"), t::CSV_PLAN_HEADERS.join(";")].join(";");
        assert_eq!(first, headers);
        assert!(out.ends_with("\r\n"));
    }

    #[test]
    fn parses_back_with_one_row_per_item_and_orphan() {
        let scan = fixture::scan();
        let out = output();
        let (headers, rows) = records(&out);
        let expected: Vec<&str> = t::CSV_HEADERS
            .into_iter()
            .chain(t::CSV_PLAN_HEADERS)
            .collect();
        assert_eq!(headers.iter().collect::<Vec<_>>(), expected);
        let items: usize = scan
            .checklists
            .iter()
            .map(|c| c.items.iter().filter(|i| i.shared_from.is_none()).count())
            .sum();
        assert_eq!(rows.len(), items + scan.orphans.len());
        assert!(!scan.orphans.is_empty(), "fixture has an orphan");
        for row in &rows {
            assert_eq!(row.len(), COLUMNS, "{row:?}");
        }
    }

    #[test]
    fn nasty_note_round_trips_exactly() {
        let (_, rows) = records(&output());
        let row = rows
            .iter()
            .find(|r| &r[1] == "privacyverklaring.pv-fg-contact")
            .expect("row of the item with the nasty note");
        assert_eq!(&row[0], "privacyverklaring");
        assert_eq!(&row[6], fixture::NASTY_NOTE);
        assert_eq!(&row[7], "2026-11-02T09:30:00Z");
    }

    #[test]
    fn plan_columns_keep_user_text_and_defuse_formulas() {
        let (_, rows) = records(&output());
        let row = |id: &str| rows.iter().find(|r| &r[1] == id).expect("row").clone();
        let planned = row("privacyverklaring.pv-doeleinden");
        assert_eq!(&planned[9], format!("'{}", fixture::NASTY_OWNER));
        assert_eq!(&planned[10], "2026-11-01");
        assert_eq!(&planned[11], fixture::NASTY_ACTION);
        assert_eq!(&planned[12], "ja", "overdue");
        assert_eq!(&planned[13], "ja", "applies");
        let later = row("verwerkingsregister.vr-naam-contact");
        assert_eq!((&later[10], &later[12]), ("2026-12-15", "nee"));
        let unplanned = row("privacyverklaring.pv-rechten-betrokkenen");
        assert!((9..13).all(|i| unplanned[i].is_empty()), "{unplanned:?}");
    }

    #[test]
    fn applicability_review_and_changed_question_columns() {
        let (_, rows) = records(&output());
        let row = |id: &str| rows.iter().find(|r| &r[1] == id).expect("row").clone();
        let ruled_out = row("personeel.pers-ziekmelding");
        assert_eq!(&ruled_out[13], "nee (intake personeel: nee)");
        assert_eq!(
            &ruled_out[9], "",
            "the plan of a ruled-out item is not shown"
        );
        assert_eq!(
            &row("webwinkel-tips.tip-1-regels-verkoop-op-afstand")[13],
            "nee (intake webshop: nee)"
        );
        let old = row("verwerkingsregister.vr-ontvangers");
        assert_eq!((&old[14], &old[15]), ("ja", "nee"));
        let changed = row("datalekken.dl-risico-beoordelen");
        assert_eq!((&changed[14], &changed[15]), ("nee", "ja"));
    }

    #[test]
    fn orphan_rows_keep_id_status_and_note() {
        let (_, rows) = records(&output());
        let orphan = rows
            .iter()
            .find(|r| &r[1] == "verdwenen.vraag")
            .expect("orphan row");
        assert_eq!(&orphan[0], "");
        assert_eq!(&orphan[5], "ja");
        assert_eq!(&orphan[6], "oude vraag, <b>bewaard</b>");
    }

    #[test]
    fn unanswered_items_have_empty_answered_at() {
        let (_, rows) = records(&output());
        let unanswered = rows
            .iter()
            .find(|r| &r[5] == t::status_label(None))
            .expect("an unanswered item");
        assert_eq!(&unanswered[7], "");
    }

    #[test]
    fn notes_that_look_like_formulas_are_defused() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("- nog doen"), "'- nog doen");
        assert_eq!(cell("@user"), "'@user");
        assert_eq!(cell("  =1+1"), "'  =1+1", "after leading spaces");
        assert_eq!(cell("\t=1+1"), "' =1+1", "after a tab");
        assert_eq!(cell("\r\n+31 6"), "'\n+31 6", "after a line break");
        assert_eq!(
            cell("\u{200b}=1"),
            "'\u{200b}=1",
            "after a zero-width space"
        );
        assert_eq!(cell("a\u{1b}]0;x\u{7}b"), "a\u{fffd}]0;x\u{fffd}b");
        assert_eq!(cell("gewoon"), "gewoon");
        assert_eq!(cell("2026-11-01"), "2026-11-01");
        assert_eq!(cell(""), "");
    }
}
