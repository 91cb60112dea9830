//! The plain-text report, printed on quit and by `pqs report`: optional ANSI emphasis, wrapped to a width.

mod sections;

use std::fmt::Write;

use super::document::{Band, Document, TOP_TASKS, percent};
use super::scan::{ChecklistScan, Gap};
use crate::checklist::Severity;
use crate::sanitize;
use crate::text as t;

/// How to lay out the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// Columns to wrap at.
    pub width: usize,
    /// Use ANSI bold and colour.
    pub color: bool,
}

impl Layout {
    /// Plain text at 80 columns.
    pub const PLAIN: Layout = Layout {
        width: 80,
        color: false,
    };

    /// Whatever `write` adds to `out`, in the ANSI colour or emphasis `code` when colour is on:
    /// the one place the report's escape codes are written.
    fn paint_into(self, out: &mut String, code: &str, write: impl FnOnce(&mut String)) {
        if self.color {
            out.push_str("\x1b[");
            out.push_str(code);
            out.push('m');
        }
        write(out);
        if self.color {
            out.push_str("\x1b[0m");
        }
    }

    fn paint(self, code: &str, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 12);
        self.paint_into(&mut out, code, |out| out.push_str(text));
        out
    }

    fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }

    /// [`Layout::bold`], written at the end of `out`.
    fn bold_into(self, out: &mut String, text: &str) {
        self.paint_into(out, "1", |out| out.push_str(text));
    }

    /// "[HOOG]" and the like, in its colour, written at the end of `out`.
    fn severity_into(self, severity: Severity, out: &mut String) {
        let label = |out: &mut String| mark_into(out, t::severity_label(severity));
        match severity {
            Severity::High => self.paint_into(out, "1;31", label),
            Severity::Medium => self.paint_into(out, "33", label),
            Severity::Low => label(out),
        }
    }

    fn band(self, band: Band) -> String {
        let code = match band {
            Band::Insufficient => "1;31",
            Band::OnTheWay => "1;33",
            Band::Good => "1;32",
        };
        self.paint(code, t::band_label(band))
    }
}

/// Wraps `text` to `width` columns, indenting every line by `indent` spaces; keeps line breaks.
/// The text is sanitised first ([`sanitize::text`]): it may come from a user's checklist or notes.
pub fn wrap(text: &str, width: usize, indent: usize) -> String {
    let mut out = String::with_capacity(text.len() + indent + 1);
    wrap_into(&mut out, text, width, indent);
    out
}

/// [`wrap`], written at the end of `out`.
pub fn wrap_into(out: &mut String, text: &str, width: usize, indent: usize) {
    each_line(text, width, indent, false, |pad, line| {
        out.push_str(pad);
        out.push_str(line);
        out.push('\n');
    });
}

/// The lines of [`wrap`], measured in display columns (a wide character takes two). A word longer
/// than the line is kept whole unless `break_words` (a path in a status message must be seen).
pub fn wrap_lines(text: &str, width: usize, indent: usize, break_words: bool) -> Vec<String> {
    let mut lines = Vec::new();
    each_line(text, width, indent, break_words, |pad, line| {
        lines.push([pad, line].concat());
    });
    lines
}

/// The one wrapping rule of [`wrap`] and [`wrap_lines`]: `line` is given each line's indentation
/// and its text, which are borrowed where they can be (at 10,000 items the text report wraps
/// some 70,000 texts, and allocating every line and word was two thirds of it).
fn each_line(
    text: &str,
    width: usize,
    indent: usize,
    break_words: bool,
    mut line: impl FnMut(&str, &str),
) {
    let text = sanitize::text_kept(text);
    let room = width.saturating_sub(indent).max(20);
    const SPACES: &str = "                                ";
    let pad = match SPACES.get(..indent) {
        Some(pad) => std::borrow::Cow::Borrowed(pad),
        None => std::borrow::Cow::Owned(" ".repeat(indent)),
    };
    let mut joined = String::new();
    let mut pieces = Vec::new();
    let mut any = false;
    for paragraph in text.lines() {
        any = true;
        let mut words = paragraph;
        if !single_spaced(words) {
            // Other spaces, or more than one: its words one space apart, as textwrap sees them.
            joined.clear();
            for (i, word) in paragraph.split_whitespace().enumerate() {
                if i > 0 {
                    joined.push(' ');
                }
                joined.push_str(word);
            }
            words = joined.as_str();
        }
        // A character takes at most as many columns as it has bytes: a short paragraph is one
        // line, and its words need not be measured.
        let short = words.len() <= room;
        if !short {
            measure(words, &mut pieces);
        }
        let width = || {
            pieces
                .iter()
                .map(|p| p.width + usize::from(p.space))
                .sum::<usize>()
        };
        if short || width() <= room {
            line(&pad, words);
        } else if break_words {
            // Wrapped without the indentation, which takes nothing from `room` when it is put
            // before each line, so textwrap lends its lines rather than making them.
            let options = textwrap::Options::new(room)
                .break_words(true)
                // "e-mail" and "IT-leverancier" stay whole.
                .word_splitter(textwrap::WordSplitter::NoHyphenation);
            for wrapped in textwrap::wrap(words, &options) {
                line(&pad, &wrapped);
            }
        } else {
            let widths = [room as f64];
            let mut at = 0;
            for group in textwrap::wrap_algorithms::wrap_first_fit(&pieces, &widths) {
                let len: usize = group.iter().map(|p| p.len + usize::from(p.space)).sum();
                let trailing = group.last().map_or(0, |p| usize::from(p.space));
                line(&pad, &words[at..at + len - trailing]);
                at += len;
            }
        }
    }
    if !any {
        line(&pad, "");
    }
}

/// A word of a paragraph as textwrap's first-fit algorithm sees it: its display width and whether
/// a space follows it; and its length in bytes, to cut the lines from the paragraph.
#[derive(Debug)]
struct Piece {
    len: usize,
    width: usize,
    space: bool,
}

impl textwrap::core::Fragment for Piece {
    fn width(&self) -> f64 {
        self.width as f64
    }

    fn whitespace_width(&self) -> f64 {
        if self.space { 1.0 } else { 0.0 }
    }

    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Whether `paragraph` is its words one space apart, as `split_whitespace` and a join with one
/// space would give it back. Every space but `' '` is an ASCII control or starts with one of four
/// bytes (0xc2, 0xe1, 0xe2, 0xe3), and only a block of 16 bytes that has one of those (a dash or
/// a quotation mark starts as they do) is looked at closer ([`space_at`]); the blocks are fixed
/// in size so that the compiler makes the search for those bytes and for two spaces in a row a
/// few wide instructions each. A test holds it to `char::is_whitespace` for every character.
fn single_spaced(paragraph: &str) -> bool {
    let bytes = paragraph.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let maybe = |b: u8| (b < 0x20) | (b == 0xc2) | (b.wrapping_sub(0xe1) < 3);
    // Whether the block from `from` is single-spaced, the byte before it a space or not.
    let block_ok = |block: &[u8; 16], from: usize, space_before: bool| {
        let mut seen = false;
        let mut double = space_before & (block[0] == b' ');
        for &b in block {
            seen |= maybe(b);
        }
        for (&a, &b) in block.iter().zip(&block[1..]) {
            double |= (a == b' ') & (b == b' ');
        }
        let to = bytes.len().min(from + 16);
        !(double || seen && (from..to).any(|at| space_at(bytes[at], &bytes[at + 1..])))
    };
    let mut blocks = bytes.chunks_exact(16);
    let mut from = 0;
    let mut space = false;
    for block in &mut blocks {
        let block: &[u8; 16] = block.try_into().expect("16 bytes");
        if !block_ok(block, from, space) {
            return false;
        }
        space = block[15] == b' ';
        from += 16;
    }
    // The rest as a block, made up with letters.
    let rest = blocks.remainder();
    let mut last = [b'a'; 16];
    last[..rest.len()].copy_from_slice(rest);
    block_ok(&last, from, space)
}

/// Splits a single-spaced `paragraph` into its words at each `' '`, measured as textwrap measures
/// a word: `display_width`, and a printable ASCII word is as wide as it is long.
fn measure(paragraph: &str, pieces: &mut Vec<Piece>) {
    pieces.clear();
    // A word and its space are two bytes at least: room for every word at once.
    pieces.reserve(paragraph.len() / 2 + 1);
    let bytes = paragraph.as_bytes();
    let piece = |start: usize, end: usize, odd: bool, space: bool| Piece {
        len: end - start,
        width: if odd {
            textwrap::core::display_width(&paragraph[start..end])
        } else {
            end - start
        },
        space,
    };
    let mut start = 0;
    let mut odd = false;
    for (at, &byte) in bytes.iter().enumerate() {
        if byte == b' ' {
            pieces.push(piece(start, at, odd, true));
            start = at + 1;
            odd = false;
        } else {
            // Not printable ASCII: below 0x20, or 0x7f and above.
            odd |= byte.wrapping_sub(0x20) >= 0x5f;
        }
    }
    if start < bytes.len() {
        pieces.push(piece(start, bytes.len(), odd, false));
    }
}

/// Whether a space but `' '` (or a control) starts with `first`, followed by `next`: an ASCII
/// control, or the UTF-8 of U+0085, U+00A0, U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F,
/// U+205F or U+3000.
fn space_at(first: u8, next: &[u8]) -> bool {
    matches!(
        (first, next),
        (..0x20, _)
            | (0xc2, [0x85 | 0xa0, ..])
            | (0xe1, [0x9a, 0x80, ..])
            | (0xe2, [0x80, 0x80..=0x8a | 0xa8 | 0xa9 | 0xaf, ..])
            | (0xe2, [0x81, 0x9f, ..])
            | (0xe3, [0x80, 0x80, ..])
    )
}

/// A progress bar of `width` cells for a fraction from 0 to 1.
pub fn bar(fraction: f64, width: usize) -> String {
    let filled = ((fraction.clamp(0.0, 1.0) * width as f64).round() as usize).min(width);
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

/// `text` on one line (sanitised), cut to `width` display columns with "…" (a wide character
/// takes two).
pub fn cut(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut text = sanitize::line(text);
    // A character takes at most as many columns as it has bytes.
    if text.len() <= width {
        return text;
    }
    // Measured up to the first column past `width`, and where "…" would go.
    let mut used = 0;
    let mut cut_at = None;
    for (at, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if cut_at.is_none() && used + w + 1 > width {
            cut_at = Some(at);
        }
        used += w;
        if used > width {
            break;
        }
    }
    if let Some(at) = cut_at.filter(|_| used > width) {
        text.truncate(at);
        text.push('…');
    }
    text
}

fn header(doc: &Document, layout: Layout, title: &str, out: &mut String) {
    let _ = writeln!(out, "{}", layout.bold(title));
    let organisation = sanitize::line(doc.organisation);
    if !organisation.is_empty() {
        let _ = writeln!(out, "{}: {organisation}", t::ORGANISATION);
    }
    sections::details(doc, layout, out);
    let facts = format!(
        "{}: {} · {}: {} · {} {}",
        t::ASSESSMENT,
        doc.assessment,
        t::DATE,
        doc.date,
        t::TOOL_VERSION,
        doc.version
    );
    wrap_into(out, &facts, layout.width, 0);
    wrap_into(out, t::NOT_LEGAL_ADVICE, layout.width, 0);
    out.push('\n');
    let totals = doc.scan.totals;
    let _ = writeln!(
        out,
        "{}: {} {}% ({})",
        layout.bold(t::TOTAL),
        t::SCORE,
        percent(totals.score),
        layout.band(doc.band()),
    );
    let _ = writeln!(
        out,
        "{}: {}",
        t::PROGRESS,
        t::progress_sentence(totals.answered, totals.total, totals.gaps)
    );
    wrap_into(out, &doc.depth_line(), layout.width, 0);
    wrap_into(out, t::BAND_RULE, layout.width, 0);
}

fn checklist_table(
    checklists: &[ChecklistScan],
    layout: Layout,
    with_high: bool,
    out: &mut String,
) {
    // name, 2, progress 9, 2, bar and percent 15, then 10 for the high-severity count.
    let fixed = 2 + 9 + 2 + 15 + if with_high { 10 } else { 0 };
    let name_width = layout.width.saturating_sub(fixed).clamp(16, 44);
    let high_heading = if with_high {
        format!(" {:>9}", t::HIGH_OPEN_COLUMN)
    } else {
        String::new()
    };
    let heading = format!(
        "{:<name_width$}  {:>9}  {:<15}{high_heading}",
        t::CHECKLIST_COLUMN,
        t::PROGRESS,
        t::SCORE_COLUMN
    );
    let _ = writeln!(out, "\n{}", layout.bold(heading.trim_end()));
    for c in checklists {
        let high = if with_high {
            format!(" {:>9}", c.open_high)
        } else {
            String::new()
        };
        let score = if c.excluded.is_some() {
            format!("{:<15}", t::CHECKLIST_EXCLUDED_SHORT)
        } else {
            format!("{} {:>3}%", bar(c.score / 100.0, 10), percent(c.score))
        };
        let line = format!(
            "{:<name_width$}  {:>9}  {score}{high}",
            cut(&c.title, name_width),
            format!("{}/{}", c.answered, c.total),
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

/// One gap under its checklist: severity, id and answer; question, action, steps, reference, note
/// and plan, indented.
fn gap(g: &Gap, layout: Layout, out: &mut String) {
    let indent = 2;
    let width = layout.width;
    out.push('\n');
    layout.severity_into(g.severity, out);
    out.push(' ');
    let used = t::severity_label(g.severity).len() + 3;
    let heading = [&g.id, " (", t::status_label(g.status), ")"].concat();
    hanging(out, "", |out| {
        wrap_into(out, &heading, width.saturating_sub(used) + indent, indent);
    });
    wrap_into(out, &g.question, width, indent);
    labelled_into(out, t::ACTION, &g.action, width, indent);
    if !g.steps.is_empty() {
        wrap_into(out, &[t::STEPS, ":"].concat(), width, indent);
        for step in &g.steps {
            hanging(out, "  - ", |out| wrap_into(out, step, width, indent + 2));
        }
    }
    labelled_into(out, t::REFERENCE, &g.reference, width, indent);
    if !g.note.is_empty() {
        labelled_into(out, t::NOTE, &g.note, width, indent);
    }
    sections::plan_into(out, g, width, indent);
}

/// A label in capitals between brackets, "[TE LAAT]", written at the end of `out`.
fn mark_into(out: &mut String, label: &str) {
    out.push('[');
    out.extend(label.chars().flat_map(char::to_uppercase));
    out.push(']');
}

/// "Label: text", wrapped at the end of `out` (the text is sanitised by the wrapping).
fn labelled_into(out: &mut String, label: &str, text: &str, width: usize, indent: usize) {
    wrap_into(out, &[label, ": ", text].concat(), width, indent);
}

/// What `write` adds to `out`, its first line's indentation (the spaces it starts with) put in
/// place by `first`: a list item's dash, or nothing after a heading's start. Only spaces: an empty
/// first line keeps its line break.
fn hanging(out: &mut String, first: &str, write: impl FnOnce(&mut String)) {
    let start = out.len();
    write(out);
    let written = &out[start..];
    let blank = written.len() - written.trim_start_matches(' ').len();
    out.replace_range(start..start + blank, first);
}

/// The full report.
pub fn render(doc: &Document, layout: Layout) -> String {
    let mut out = String::new();
    header(doc, layout, t::REPORT_TITLE, &mut out);
    sections::plan(doc, layout, &mut out);
    let _ = writeln!(out);
    checklist_table(&doc.scan.checklists, layout, true, &mut out);
    sections::since(doc, layout, &mut out);
    sections::action_plan(doc, layout, &mut out);

    let _ = writeln!(
        out,
        "\n{} ({})",
        layout.bold(t::GAPS_PER_CHECKLIST),
        doc.scan.totals.gaps
    );
    for (c, gaps) in doc.gaps_by_checklist() {
        let heading = format!("== {} ({})", c.title, gaps.len());
        out.push('\n');
        out.push_str(&layout.bold(wrap(&heading, layout.width, 0).trim_end()));
        out.push('\n');
        for g in gaps {
            gap(g, layout, &mut out);
        }
    }

    sections::others(doc, layout, &mut out);
    sections::rechecks(doc, layout, &mut out);
    sections::sessions(doc, layout, &mut out);
    sections::documents(doc, layout, &mut out);
    sections::intake(doc, layout, &mut out);

    let done = doc.done();
    let _ = writeln!(out, "\n{} ({})", layout.bold(t::DONE), done.len());
    for (c, item) in done {
        let line = ["✓ ", &c.title, ": ", &item.question].concat();
        out.push_str("  ");
        out.push_str(&cut(&line, layout.width.saturating_sub(2)));
        out.push('\n');
    }

    if !doc.scan.orphans.is_empty() {
        let _ = writeln!(out, "\n{}", layout.bold(t::ORPHANS));
        for orphan in &doc.scan.orphans {
            let _ = writeln!(
                out,
                "  {} ({})",
                sanitize::line(&orphan.id),
                t::status_label(orphan.status)
            );
            if !orphan.note.is_empty() {
                labelled_into(&mut out, t::NOTE, &orphan.note, layout.width, 4);
            }
        }
    }
    out
}

/// The report printed when the questionnaire closes: one screen (at most 25 lines at 80 columns):
/// the score and band, progress, what this session changed, the five first tasks and the command
/// for the whole report.
pub fn render_quit(
    doc: &Document,
    session: Option<&super::progress::Progress>,
    command: &str,
    layout: Layout,
) -> String {
    let mut out = String::new();
    let name = doc.name();
    let _ = writeln!(
        out,
        "{}",
        layout.bold(&cut(&t::quit_title(name), layout.width))
    );
    let totals = doc.scan.totals;
    let _ = writeln!(
        out,
        "{} {}% ({})",
        t::SCORE_COLUMN,
        percent(totals.score),
        layout.band(doc.band()),
    );
    wrap_into(
        &mut out,
        &format!(
            "{}: {}",
            t::PROGRESS,
            t::progress_sentence(totals.answered, totals.total, totals.gaps)
        ),
        layout.width,
        0,
    );
    if let Some(p) = session {
        wrap_into(
            &mut out,
            &t::this_session(
                p.newly_answered.len(),
                p.improved.len(),
                p.worsened.len(),
                percent(p.score_then),
                percent(p.score_now),
            ),
            layout.width,
            0,
        );
    }
    let _ = writeln!(out, "\n{}", layout.bold(t::TOP_TASKS));
    let mut shown = 0;
    for (i, task) in doc.top_tasks(TOP_TASKS).enumerate() {
        shown += 1;
        let number = format!("{}. ", i + 1);
        let _ = writeln!(
            out,
            "{number}{}",
            cut(&task.title, layout.width.saturating_sub(number.len()))
        );
        let reason = t::task_reason(&task.reason);
        let _ = writeln!(out, "   {}", cut(&reason, layout.width.saturating_sub(3)));
    }
    if shown == 0 {
        wrap_into(&mut out, t::NO_TASKS, layout.width, 0);
    }
    let more = doc.open_tasks().count().saturating_sub(shown);
    if more > 0 {
        wrap_into(&mut out, &t::more_tasks(more), layout.width, 0);
    }
    let _ = writeln!(out);
    wrap_into(&mut out, &t::full_report_hint(command), layout.width, 0);
    wrap_into(&mut out, t::NOT_LEGAL_ADVICE, layout.width, 0);
    out
}

/// `pqs plan`: every task in plan order, one block each: number, title and id, why it stands
/// there, what was agreed; then the finished ones with their date.
pub fn render_plan(doc: &Document, layout: Layout) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", layout.bold(t::PLAN), doc.plan_count());
    for (i, task) in doc.open_tasks().enumerate() {
        let number = format!("{}. ", i + 1);
        let title = format!("{} [{}]", task.title, task.id);
        let wrapped = wrap(&title, layout.width, number.len());
        let _ = write!(out, "\n{number}{}", &wrapped[number.len()..]);
        let why = format!(
            "{} · {}",
            t::task_reason(&task.reason),
            t::open_questions(task.open_count())
        );
        wrap_into(&mut out, &why, layout.width, number.len());
        if let Some(agreed) = doc.task_agreement(task) {
            wrap_into(&mut out, &agreed, layout.width, number.len());
        }
    }
    if doc.open_tasks().next().is_none() {
        wrap_into(&mut out, t::NO_TASKS, layout.width, 0);
    }
    let done: Vec<_> = doc.done_tasks().collect();
    if !done.is_empty() {
        let _ = writeln!(out, "\n{} ({})", layout.bold(t::TASKS_DONE), done.len());
        for task in done {
            let line = format!(
                "✓ {} [{}] ({})",
                task.title,
                task.id,
                t::done_on(task.done_day())
            );
            wrap_into(&mut out, &line, layout.width, 2);
        }
    }
    out
}

/// The progress summary: one screen or page to hand over.
pub fn render_summary(doc: &Document, layout: Layout) -> String {
    let mut out = String::new();
    header(doc, layout, t::SUMMARY_TITLE, &mut out);
    checklist_table(&doc.scan.checklists, layout, false, &mut out);
    let _ = writeln!(out, "\n{}", layout.bold(t::TOP_TASKS));
    sections::top_tasks(doc, layout, TOP_TASKS, &mut out);
    let planned = doc.action_plan().len();
    if planned > 0 {
        let line = format!(
            "{}: {}",
            t::ACTION_PLAN,
            t::plan_counts(planned, doc.overdue())
        );
        let _ = writeln!(out);
        wrap_into(&mut out, &line, layout.width, 0);
    }
    let rule = "_".repeat(layout.width.min(72));
    let _ = writeln!(
        out,
        "\n{}:\n{rule}\n{rule}\n{rule}",
        layout.bold(t::REMARKS)
    );
    let _ = writeln!(out, "\n{}: ____________________", t::NEXT_SESSION);
    let _ = writeln!(
        out,
        "\n{}: ______________________   {}: ______________________",
        t::SIGNATURE_OWNER,
        t::SIGNATURE_ADVISOR
    );
    out
}

#[cfg(test)]
mod tests;
