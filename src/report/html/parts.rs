//! Pieces shared by the report and the summary: header, totals, band scale, bars, the checklist table,
//! severity chips and answers.

use super::writer::Html;
use crate::assessment::Status;
use crate::checklist::Severity;
use crate::report::document::{Band, Document, percent};
use crate::report::scan::ChecklistScan;
use crate::text as t;

/// The header: title line, organisation, facts (with the details), and the disclaimer.
pub(super) fn header(h: &mut Html, doc: &Document, title: &str) {
    h.el("header", &[("class", "top")], |h| {
        title_block(h, doc, title, true);
        h.leaf("p", &[("class", "disclaimer")], t::NOT_LEGAL_ADVICE);
    });
}

/// Names longer than this (in characters) are set smaller.
const LONG_NAME: usize = 48;

/// Title line, the organisation (or the assessment name when there is none) and the facts, with the
/// details (contact, assessor, KvK number) first when `with_details`.
pub(super) fn title_block(h: &mut Html, doc: &Document, title: &str, with_details: bool) {
    let organisation = doc.organisation.trim();
    let heading = if organisation.is_empty() {
        doc.assessment
    } else {
        organisation
    };
    // Long names get smaller type, so that two lines (the summary's limit) show most of them.
    let class = if heading.chars().count() > LONG_NAME {
        "long"
    } else {
        "name"
    };
    // The organisation's logo, embedded so the file stays self-contained.
    if let Some(url) = doc.details.logo.as_ref().and_then(|l| l.data_url()) {
        h.void(
            "img",
            &[("class", "logo"), ("src", &url), ("alt", t::LOGO_ALT)],
        );
    }
    h.leaf("p", &[("class", "eyebrow")], title);
    h.leaf("h1", &[("class", class)], heading);
    h.el("dl", &[("class", "meta")], |h| {
        // Not the assessment's own (file) name: without an organisation it is the heading already.
        let facts = [(t::DATE, doc.date.as_str()), (t::TOOL_VERSION, doc.version)];
        let details = if with_details {
            doc.detail_facts()
        } else {
            Vec::new()
        };
        for (label, value) in details.into_iter().chain(facts) {
            h.el("div", &[], |h| {
                h.leaf("dt", &[], label);
                h.leaf("dd", &[], value);
            });
        }
    });
}

/// The share of `part` in `whole` as whole percents (100 when `whole` is 0).
pub(super) fn share(part: usize, whole: usize) -> u32 {
    percent(100.0 * crate::report::document::progress(part, whole))
}

/// A bar with a visible border and its percentage written next to it.
fn meter(h: &mut Html, percent: u32) {
    let width = format!("width:{percent}%");
    h.div("meter", |h| {
        h.el("div", &[("class", "bar"), ("aria-hidden", "true")], |h| {
            h.el("span", &[("style", &width)], |_| {});
        });
        h.span("pct", &format!("{percent}%"));
    });
}

/// The three totals cards: score with band and scale, progress, open points.
pub(super) fn totals(h: &mut Html, doc: &Document) {
    let totals = doc.scan.totals;
    h.div("totals", |h| {
        score_card(h, doc);
        h.div("card", |h| {
            h.span("label", t::PROGRESS);
            h.div("big", |h| {
                h.text(&totals.answered.to_string());
                h.leaf("small", &[], &format!("/{}", totals.total));
            });
            meter(h, share(totals.answered, totals.total));
            h.leaf("p", &[("class", "sub")], t::ANSWERED);
        });
        h.div("card", |h| {
            h.span("label", t::HTML_OPEN_POINTS);
            h.leaf("div", &[("class", "big")], &totals.gaps.to_string());
            h.leaf(
                "p",
                &[("class", "sub")],
                &t::html_of_which_high(open_high(doc)),
            );
        });
    });
}

/// The score card: the total score with its band, the band scale and the thresholds in words.
pub(super) fn score_card(h: &mut Html, doc: &Document) {
    let score = percent(doc.scan.totals.score);
    let band = doc.band();
    h.div("card score", |h| {
        h.span("label", t::SCORE_COLUMN);
        h.div("big", |h| {
            h.text(&format!("{score}%"));
            h.span("band", t::band_label(band));
        });
        scale(h, score, band);
        h.leaf("p", &[("class", "sub")], &doc.depth_line());
        h.leaf("p", &[("class", "sub")], t::BAND_RULE);
    });
}

/// Open gaps of high severity over all checklists.
pub(super) fn open_high(doc: &Document) -> usize {
    doc.scan.totals.open_high
}

/// The band scale: three labelled segments at the thresholds, the current one filled, and a marker.
fn scale(h: &mut Html, score: u32, band: Band) {
    let marker = format!("left:{score}%");
    h.el("div", &[("class", "scale"), ("aria-hidden", "true")], |h| {
        for segment in [Band::Insufficient, Band::OnTheWay, Band::Good] {
            let class = if segment == band { "on" } else { "off" };
            h.span(class, t::band_label(segment));
        }
        h.el("i", &[("style", &marker)], |_| {});
    });
}

/// The table with one row per checklist: progress, score bar, and optionally open high-severity items.
pub(super) fn checklist_table(h: &mut Html, doc: &Document) {
    let totals = doc.scan.totals;
    let high = open_high(doc);
    h.el("table", &[("class", "overview")], |h| {
        h.el("thead", &[], |h| {
            h.el("tr", &[], |h| {
                h.leaf("th", &[], t::CHECKLIST_COLUMN);
                h.leaf("th", &[("class", "num c-progress")], t::PROGRESS);
                h.leaf("th", &[("class", "barcell")], t::SCORE_COLUMN);
                h.leaf("th", &[("class", "num c-high")], t::HIGH_OPEN_COLUMN);
            });
        });
        h.el("tbody", &[], |h| {
            for c in &doc.scan.checklists {
                checklist_row(h, c);
            }
        });
        h.el("tfoot", &[], |h| {
            h.el("tr", &[], |h| {
                h.leaf("td", &[], t::TOTAL);
                h.leaf(
                    "td",
                    &[("class", "num")],
                    &format!("{}/{}", totals.answered, totals.total),
                );
                h.el("td", &[("class", "barcell")], |h| {
                    meter(h, percent(totals.score))
                });
                h.leaf("td", &[("class", "num")], &high.to_string());
            });
        });
    });
}

fn checklist_row(h: &mut Html, c: &ChecklistScan) {
    h.el("tr", &[], |h| {
        h.el("td", &[("class", "title")], |h| {
            h.span("name", &c.title);
        });
        h.leaf(
            "td",
            &[("class", "num")],
            &format!("{}/{}", c.answered, c.total),
        );
        h.el("td", &[("class", "barcell")], |h| {
            if c.excluded.is_some() {
                h.span("excluded", t::CHECKLIST_EXCLUDED);
            } else {
                meter(h, percent(c.score));
            }
        });
        h.leaf("td", &[("class", "num")], &c.open_high.to_string());
    });
}

/// A severity as a word in a chip (filled for high, outlined for medium, dashed for low).
pub(super) fn severity(h: &mut Html, severity: Severity) {
    let class = match severity {
        Severity::High => "sev sev-high",
        Severity::Medium => "sev sev-medium",
        Severity::Low => "sev sev-low",
    };
    h.el("span", &[("class", class), ("title", t::SEVERITY)], |h| {
        h.text(t::severity_label(severity));
    });
}

/// "Antwoord: ✗ nee".
pub(super) fn status(h: &mut Html, status: Option<Status>) {
    h.el("span", &[("class", "status")], |h| {
        h.text(t::HTML_ANSWER).text(": ");
        h.leaf(
            "b",
            &[],
            &format!("{} {}", t::status_mark(status), t::status_label(status)),
        );
    });
}
