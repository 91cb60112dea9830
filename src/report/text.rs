//! The plain-text gap report, printed on quit and by `pqs report`.

use std::fmt::Write;

use super::scan::Scan;
use crate::text as t;

/// Wraps `text` to `width` columns, indenting every line by `indent` spaces.
pub fn wrap(text: &str, width: usize, indent: usize) -> String {
    let room = width.saturating_sub(indent).max(20);
    let pad = " ".repeat(indent);
    let mut out = String::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > room {
                let _ = writeln!(out, "{pad}{line}");
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        let _ = writeln!(out, "{pad}{line}");
    }
    out
}

/// A progress bar of `width` cells for a fraction from 0 to 1.
pub fn bar(fraction: f64, width: usize) -> String {
    let filled = ((fraction.clamp(0.0, 1.0) * width as f64).round() as usize).min(width);
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

/// Renders the report for the given organisation, assessment name and date, wrapped to `width`.
pub fn render(
    scan: &Scan,
    organisation: &str,
    assessment: &str,
    date: &str,
    width: usize,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", t::REPORT_TITLE);
    if !organisation.is_empty() {
        let _ = writeln!(out, "{}: {}", t::ORGANISATION, one_line(organisation));
    }
    let _ = writeln!(
        out,
        "{}: {assessment}    {}: {date}",
        t::ASSESSMENT,
        t::DATE
    );
    out.push_str(&wrap(t::NOT_LEGAL_ADVICE, width, 0));
    out.push('\n');
    let name_width = scan
        .checklists
        .iter()
        .map(|c| c.title.chars().count())
        .max()
        .unwrap_or(0)
        .min(40);
    for c in &scan.checklists {
        let title: String = c.title.chars().take(name_width).collect();
        let _ = writeln!(
            out,
            "{title:<name_width$}  {} {:>3.0}%  {:>3}/{:<3} {}",
            bar(c.score / 100.0, 10),
            c.score,
            c.answered,
            c.total,
            t::ANSWERED,
        );
    }
    let totals = scan.totals;
    let _ = writeln!(
        out,
        "\n{}: {} {:.0}%, {}/{} {}, {} {}\n",
        t::TOTAL,
        t::SCORE,
        totals.score,
        totals.answered,
        totals.total,
        t::ANSWERED,
        totals.gaps,
        t::GAPS.to_lowercase()
    );
    let _ = writeln!(out, "{} ({})", t::GAPS, scan.gaps.len());
    if scan.gaps.is_empty() {
        let _ = writeln!(out, "{}", t::NO_GAPS);
    }
    for gap in &scan.gaps {
        let _ = writeln!(
            out,
            "\n[{}] {} ({})",
            t::severity_label(gap.severity).to_uppercase(),
            gap.id,
            t::status_label(gap.status)
        );
        out.push_str(&wrap(&gap.question, width, 2));
        out.push_str(&wrap(&format!("{}: {}", t::ACTION, gap.action), width, 2));
        out.push_str(&wrap(
            &format!("{}: {}", t::REFERENCE, gap.reference),
            width,
            2,
        ));
        if !gap.note.is_empty() {
            out.push_str(&wrap(&format!("{}: {}", t::NOTE, gap.note), width, 2));
        }
    }
    if !scan.orphans.is_empty() {
        let _ = writeln!(out, "\n{}", t::ORPHANS);
        for orphan in &scan.orphans {
            let _ = writeln!(out, "  {} ({})", orphan.id, t::status_label(orphan.status));
            if !orphan.note.is_empty() {
                out.push_str(&wrap(&format!("{}: {}", t::NOTE, orphan.note), width, 4));
            }
        }
    }
    out
}

/// Collapses newlines and control characters so user text cannot break the layout.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_width_and_indents() {
        let out = wrap(
            "een twee drie vier vijf zes zeven acht negen tien elf twaalf",
            24,
            2,
        );
        for line in out.lines() {
            assert!(line.starts_with("  "));
            assert!(line.chars().count() <= 24, "{line:?}");
        }
        assert_eq!(out.lines().count(), 3);
    }

    #[test]
    fn bar_fills_proportionally() {
        assert_eq!(bar(0.5, 4), "██░░");
        assert_eq!(bar(1.5, 2), "██");
        assert_eq!(bar(0.0, 3), "░░░");
    }
}
