//! The Markdown report and the Markdown progress summary.
//!
//! Every piece of text that is not Markdown syntax of our own (organisation, assessment name, notes, but
//! also checklist titles, questions and actions, which may come from a user's own checklist files) goes
//! through [`escape_inline`] or, inside a table cell, [`escape_cell`]. The output uses only CommonMark
//! plus GFM tables, so it renders the same on GitHub, GitLab and in VS Code.

mod sections;

use std::fmt::Write;

use super::document::{Document, TOP_TASKS};
use super::scan::{ChecklistScan, Gap};
use super::text::bar;
use crate::sanitize;
use crate::text as t;

/// Cells in a progress or score bar.
const BAR_WIDTH: usize = 10;
/// A blank to fill in by hand. Literal underscores: a run with a space before and nothing after is no
/// emphasis in CommonMark, and on a line of its own it is a rule, which prints as a writing line.
const FILL: &str = "________________________________________";
/// How many writing lines the summary leaves for remarks.
const REMARK_LINES: usize = 4;
/// Separator between facts on one line.
const DOT: &str = " · ";

/// A document's records in Markdown: the title, the organisation (and for the register the
/// controller), then one heading per record with its filled fields.
pub fn render_records(doc: &Document, records: &super::records::Records) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape_inline(records.title));
    let organisation = doc.name();
    let _ = writeln!(
        out,
        "**{}** · {}\n",
        escape_inline(organisation),
        escape_inline(&doc.date)
    );
    if records.kind == crate::documents::DocumentKind::Register {
        let (organisation, contact) = doc.controller();
        let controller = if contact.is_empty() {
            organisation.to_owned()
        } else {
            format!("{organisation} ({contact})")
        };
        let _ = writeln!(
            out,
            "{}: {}\n",
            escape_inline(t::FIELD_CONTROLLER),
            escape_inline(&controller)
        );
    }
    let _ = writeln!(out, "_{}_\n", escape_inline(t::RECORDS_ABOUT));
    if records.rows.is_empty() {
        let _ = writeln!(out, "{}", escape_inline(t::RECORDS_EMPTY));
    }
    for row in &records.rows {
        let _ = writeln!(out, "## {}\n", escape_inline(&row.name));
        for (label, value) in records.columns.iter().zip(&row.cells).skip(1) {
            if !value.trim().is_empty() {
                let value = value
                    .lines()
                    .map(escape_inline)
                    .collect::<Vec<_>>()
                    .join("; ");
                let _ = writeln!(out, "- **{}**: {value}", escape_inline(label));
            }
        }
        out.push('\n');
    }
    out
}

/// Escapes text for inline Markdown: headings, list items, paragraphs and (via [`escape_cell`]) table cells.
///
/// - `&`, `<` and `>` become entities, so no HTML (a `<script>`, a `<b>`) or autolink gets through.
/// - The characters that start emphasis, code, links, headings, strikethrough or math
///   (`` \ ` * _ [ ] # ~ $ ``) are backslash-escaped.
/// - Line breaks become `<br>`, so text never starts a new Markdown line (no list, quote or heading
///   can be smuggled in); other control and bidi characters show as a placeholder and tabs
///   become spaces.
/// - A list marker or rule at the very start (`-`, `+`, `1. `, `1) `) is escaped, as our text often
///   follows `- `.
/// - Leading and trailing whitespace is trimmed (it cannot show in Markdown anyway).
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    escape_inline_into(&mut out, text);
    out
}

/// [`escape_inline`], written at the end of `out`.
fn escape_inline_into(out: &mut String, text: &str) {
    let text = text.trim();
    // Escape a leading ordered-list marker: digits, then `.` or `)`, then a space or the end.
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let mut after = text[digits..].chars();
    let mut rest = text;
    if digits > 0
        && matches!(after.next(), Some('.' | ')'))
        && after.next().is_none_or(char::is_whitespace)
    {
        out.push_str(&text[..digits]);
        out.push('\\');
        rest = &text[digits..];
    } else if matches!(text.chars().next(), Some('-' | '+')) {
        // A bullet marker or a `---` rule.
        out.push('\\');
    }
    // What needs no escape is copied as a run; most texts are one such run. That is printable
    // ASCII but the characters Markdown gives a meaning, and the bytes of longer characters but
    // those that start a C1 control (0xc2), U+061C (0xd8) or a bidi control or line separator
    // (0xe2), which are looked at a character at a time.
    const PLAIN: [bool; 256] = {
        let mut plain = [false; 256];
        let mut b = 0;
        while b < 256 {
            let byte = b as u8;
            let meaning = matches!(
                byte,
                b'&' | b'<' | b'>' | b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'#' | b'~' | b'$'
            );
            let printable = matches!(byte, b' '..=b'~');
            let longer = byte >= 0x80 && !matches!(byte, 0xc2 | 0xd8 | 0xe2);
            plain[b] = !meaning && (printable || longer);
            b += 1;
        }
        plain
    };
    let plain = |b: u8| PLAIN[usize::from(b)];
    if rest.bytes().all(plain) {
        out.push_str(rest);
        return;
    }
    loop {
        let plain = rest.bytes().take_while(|&b| plain(b)).count();
        out.push_str(&rest[..plain]);
        rest = &rest[plain..];
        let Some(c) = rest.chars().next() else {
            break;
        };
        rest = &rest[c.len_utf8()..];
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {
                if let Some(next) = rest.strip_prefix('\n') {
                    rest = next;
                }
                out.push_str("<br>");
            }
            '\n' | '\u{2028}' | '\u{2029}' => out.push_str("<br>"),
            '\t' => out.push(' '),
            c if sanitize::is_unsafe(c) => out.push(sanitize::PLACEHOLDER),
            c => out.push(c),
        }
    }
}

/// Escapes text for a GFM table cell: [`escape_inline`] plus `|` as `\|` (line breaks are already `<br>`).
pub fn escape_cell(text: &str) -> String {
    escape_inline(text).replace('|', "\\|")
}

/// One table row from already escaped cells.
fn row(out: &mut String, cells: &[String]) {
    let _ = writeln!(out, "| {} |", cells.join(" | "));
}

/// A table header and its delimiter row; `right` marks right-aligned (numeric) columns.
fn table_head(out: &mut String, headers: &[&str], right: &[bool]) {
    let cells: Vec<String> = headers.iter().map(|h| escape_cell(h)).collect();
    row(out, &cells);
    let delims: Vec<String> = right
        .iter()
        .map(|&r| if r { "---:" } else { "---" }.to_owned())
        .collect();
    row(out, &delims);
}

/// A whole percentage, rounded the way [`super::Band::of`] rounds.
fn percent(value: f64) -> String {
    format!("{}%", crate::report::document::percent(value))
}

/// Share of `part` in `whole` as a fraction (0 when `whole` is 0).
fn fraction(part: usize, whole: usize) -> f64 {
    super::document::progress(part, whole)
}

/// A bar with its percentage, e.g. `███░░░░░░░ 30%`.
fn bar_with_percent(fraction: f64) -> String {
    format!("{} {}", bar(fraction, BAR_WIDTH), percent(fraction * 100.0))
}

/// A checklist's score as shown, or "geldt niet (intake)" when the intake rules it out.
fn score_or_excluded(c: &ChecklistScan, score: String) -> String {
    if c.excluded.is_some() {
        escape_cell(t::CHECKLIST_EXCLUDED)
    } else {
        score
    }
}

/// `- **Label:** value` with the value escaped.
fn fact(out: &mut String, label: &str, value: &str) {
    let _ = writeln!(
        out,
        "- **{}:** {}",
        escape_inline(label),
        escape_inline(value)
    );
}

/// The label with its first letter in upper case (`ernst` -> `Ernst`).
fn capitalised(label: &str) -> String {
    let mut chars = label.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// `Label: value`, escaped, for nested lists.
fn labelled(label: &str, value: &str) -> String {
    let mut out = String::with_capacity(label.len() + value.len() + 8);
    labelled_into(&mut out, label, value);
    out
}

/// [`labelled`], written at the end of `out`.
fn labelled_into(out: &mut String, label: &str, value: &str) {
    escape_inline_into(out, label);
    out.push_str(": ");
    escape_inline_into(out, value);
}

/// The score with its band, e.g. `24% (onvoldoende)`.
fn score_with_band(doc: &Document) -> String {
    format!(
        "{} ({})",
        percent(doc.scan.totals.score),
        t::band_label(doc.band())
    )
}

/// Answered out of total, e.g. `40/136 beantwoord`.
fn progress_text(answered: usize, total: usize) -> String {
    format!("{answered}/{total} {}", t::ANSWERED)
}

/// The Markdown report: header, totals, per-checklist table, first actions, gaps, items done, orphans.
pub fn render(doc: &Document) -> String {
    let scan = doc.scan;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape_inline(t::REPORT_TITLE));
    if !doc.organisation.trim().is_empty() {
        fact(&mut out, t::ORGANISATION, doc.organisation);
    }
    sections::details(&mut out, doc);
    fact(&mut out, t::ASSESSMENT, doc.assessment);
    fact(&mut out, t::DATE, &doc.date);
    fact(&mut out, t::TOOL_VERSION, doc.version);
    let _ = writeln!(out, "\n> {}\n", escape_inline(t::NOT_LEGAL_ADVICE));

    let totals = scan.totals;
    let _ = writeln!(out, "## {}\n", escape_inline(t::TOTAL));
    fact(&mut out, t::SCORE_COLUMN, &score_with_band(doc));
    fact(
        &mut out,
        t::PROGRESS,
        &format!(
            "{} ({})",
            progress_text(totals.answered, totals.total),
            percent(100.0 * fraction(totals.answered, totals.total))
        ),
    );
    fact(&mut out, t::GAPS, &totals.gaps.to_string());
    let _ = writeln!(out, "\n{}\n", escape_inline(&doc.depth_line()));
    let _ = writeln!(out, "{}\n", escape_inline(t::BAND_RULE));

    sections::plan(&mut out, doc);
    let _ = writeln!(out, "## {}\n", escape_inline(t::MD_OVERVIEW));
    table_head(
        &mut out,
        &t::MD_OVERVIEW_HEADERS,
        &[false, true, false, true, true],
    );
    for c in &scan.checklists {
        row(
            &mut out,
            &[
                escape_cell(&c.title),
                format!("{}/{}", c.answered, c.total),
                if c.excluded.is_some() {
                    t::PLAN_NONE.to_owned()
                } else {
                    bar_with_percent(fraction(c.answered, c.total))
                },
                score_or_excluded(c, percent(c.score)),
                c.open_high.to_string(),
            ],
        );
    }
    out.push('\n');
    sections::since(&mut out, doc);

    sections::action_plan(&mut out, doc);

    let _ = writeln!(out, "## {}\n", escape_inline(t::GAPS));
    if scan.totals.gaps == 0 {
        let _ = writeln!(out, "{}\n", escape_inline(t::NO_GAPS));
    }
    for (c, gaps) in doc.gaps_by_checklist() {
        let _ = writeln!(out, "### {} ({})\n", escape_inline(&c.title), gaps.len());
        for gap in gaps {
            gap_entry(&mut out, gap);
        }
        out.push('\n');
    }
    sections::others(&mut out, doc);
    sections::rechecks(&mut out, doc);
    sections::sessions(&mut out, doc);
    sections::documents(&mut out, doc);
    sections::intake(&mut out, doc);

    let _ = writeln!(out, "## {}\n", escape_inline(t::DONE));
    let mut any_done = false;
    for c in &scan.checklists {
        any_done |= done_list(&mut out, c);
    }
    if !any_done {
        let _ = writeln!(out, "{}\n", escape_inline(t::MD_NOTHING_DONE));
    }

    if !scan.orphans.is_empty() {
        let _ = writeln!(out, "## {}\n", escape_inline(t::ORPHANS));
        for orphan in &scan.orphans {
            let _ = writeln!(
                out,
                "- {}{DOT}{}",
                labelled(t::MD_ITEM_ID, &orphan.id),
                labelled(t::MD_ANSWER, t::status_label(orphan.status))
            );
            if !orphan.note.trim().is_empty() {
                let _ = writeln!(out, "    - {}", labelled(t::NOTE, &orphan.note));
            }
        }
        out.push('\n');
    }
    // Exactly one trailing newline.
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// One gap under "Open punten": the question, then status, action, reference and note.
fn gap_entry(out: &mut String, gap: &Gap) {
    // Written straight into the report: at 10,000 items some 5,000 gaps of a dozen pieces each.
    out.push_str("- **");
    escape_inline_into(out, &gap.question);
    out.push_str("**\n    - ");
    labelled_into(out, t::MD_ANSWER, t::status_label(gap.status));
    out.push_str(DOT);
    labelled_into(
        out,
        &capitalised(t::SEVERITY),
        t::severity_label(gap.severity),
    );
    out.push_str(DOT);
    labelled_into(out, t::MD_ITEM_ID, &gap.id);
    out.push_str("\n    - ");
    labelled_into(out, t::ACTION, &gap.action);
    out.push('\n');
    if !gap.steps.is_empty() {
        out.push_str("    - ");
        escape_inline_into(out, t::STEPS);
        out.push_str(":\n");
        for step in &gap.steps {
            out.push_str("        - ");
            escape_inline_into(out, step);
            out.push('\n');
        }
    }
    out.push_str("    - ");
    labelled_into(out, t::REFERENCE, &gap.reference);
    out.push('\n');
    if !gap.note.trim().is_empty() {
        out.push_str("    - ");
        labelled_into(out, t::NOTE, &gap.note);
        out.push('\n');
    }
    sections::plan_lines(out, gap);
}

/// The compact list of a checklist's items answered yes; false when there are none.
fn done_list(out: &mut String, c: &ChecklistScan) -> bool {
    let done: Vec<_> = c.items.iter().filter(|i| i.is_done_here()).collect();
    if done.is_empty() {
        return false;
    }
    let _ = writeln!(out, "**{}** ({})\n", escape_inline(&c.title), done.len());
    for item in done {
        if item.note.trim().is_empty() {
            let _ = writeln!(out, "- {}", escape_inline(&item.question));
        } else {
            let _ = writeln!(
                out,
                "- {} ({})",
                escape_inline(&item.question),
                labelled(t::NOTE, &item.note)
            );
        }
    }
    out.push('\n');
    true
}

/// The one-page progress summary: header, score and band, a bar per checklist, the top five actions,
/// space for remarks, the next session and two signatures.
pub fn render_summary(doc: &Document) -> String {
    let scan = doc.scan;
    let totals = scan.totals;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape_inline(t::SUMMARY_TITLE));
    if !doc.organisation.trim().is_empty() {
        fact(&mut out, t::ORGANISATION, doc.organisation);
    }
    sections::details(&mut out, doc);
    fact(&mut out, t::DATE, &doc.date);
    fact(&mut out, t::SCORE_COLUMN, &score_with_band(doc));
    fact(
        &mut out,
        t::PROGRESS,
        &progress_text(totals.answered, totals.total),
    );
    let _ = writeln!(out, "\n{}\n", escape_inline(t::BAND_RULE));

    table_head(&mut out, &t::MD_SUMMARY_HEADERS, &[false, true, false]);
    for c in &scan.checklists {
        row(
            &mut out,
            &[
                escape_cell(&c.title),
                format!("{}/{}", c.answered, c.total),
                score_or_excluded(c, bar_with_percent(c.score / 100.0)),
            ],
        );
    }
    out.push('\n');

    sections::top_tasks(&mut out, doc, TOP_TASKS);
    let planned = doc.action_plan().len();
    if planned > 0 {
        let counts = t::plan_counts(planned, doc.overdue());
        fact(&mut out, t::ACTION_PLAN, &counts);
        out.push('\n');
    }

    let _ = writeln!(out, "## {}\n", escape_inline(t::REMARKS));
    for _ in 0..REMARK_LINES {
        let _ = writeln!(out, "{FILL}\n");
    }
    for label in [t::NEXT_SESSION, t::MD_SIGN_OWNER, t::MD_SIGN_ADVISER] {
        let _ = writeln!(out, "**{}:** {FILL}\n", escape_inline(label));
    }
    let _ = writeln!(out, "> {}", escape_inline(t::NOT_LEGAL_ADVICE));
    out
}

#[cfg(test)]
mod tests;
