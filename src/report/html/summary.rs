//! The body of the one-page progress summary: header, totals, one bar per checklist, the top five
//! actions, room for remarks, the next session and two signatures.

use super::parts::{checklist_table, open_high, score_card, severity, title_block};
use super::writer::Html;
use crate::report::document::Document;
use crate::text as t;

/// How many actions the summary lists.
const TOP: usize = 5;
/// Ruled lines in the remarks box (more than ever fit; the box shows what fits).
const RULES: usize = 10;

/// Writes the summary's sections.
pub(super) fn body(h: &mut Html, doc: &Document) {
    let totals = doc.scan.totals;
    h.el("header", &[("class", "top split")], |h| {
        h.div("who", |h| title_block(h, doc, t::SUMMARY_TITLE, false));
        score_card(h, doc);
    });
    // The details get the full width under the header, so long names stay on one line.
    let details = doc.detail_facts();
    if !details.is_empty() {
        h.el("p", &[("class", "facts details")], |h| {
            for (i, (label, value)) in details.into_iter().enumerate() {
                if i > 0 {
                    h.span("sep", " · ");
                }
                h.text(label).text(" ");
                h.leaf("b", &[], value.trim());
            }
        });
    }
    h.el("p", &[("class", "facts")], |h| {
        h.leaf("b", &[], t::PROGRESS);
        h.text(" ")
            .text(&t::html_answered_of(totals.answered, totals.total));
        h.span("sep", " · ");
        h.text(&t::html_open_points(totals.gaps, open_high(doc)));
        let planned = doc.action_plan().len();
        if planned > 0 {
            h.span("sep", " · ");
            h.leaf("b", &[], &t::plan_counts(planned, doc.overdue()));
        }
    });
    h.leaf("h2", &[], t::HTML_OVERVIEW);
    checklist_table(h, doc);
    top_actions(h, doc);
    h.div("remarks", |h| {
        h.span("label", t::REMARKS);
        // Ruled lines to write on; as many as fit, the rest is cut off.
        h.div("lines", |h| {
            h.div("rules", |h| {
                for _ in 0..RULES {
                    h.div("rule", |_| {});
                }
            });
        });
    });
    h.el("p", &[("class", "next")], |h| {
        h.span("what", &format!("{}:", t::NEXT_SESSION));
        h.span("fill", "");
    });
    h.div("signatures", |h| {
        for who in [t::SIGNATURE_OWNER, t::SIGNATURE_ADVISOR] {
            h.div("sign", |h| {
                h.span("label", who);
                h.div("pair", |h| {
                    for line in [t::HTML_SIGN_NAME, t::DATE] {
                        h.div("line", |h| {
                            h.span("what", line);
                            h.span("fill", "");
                        });
                    }
                });
                h.div("line tall", |h| {
                    h.span("what", t::HTML_SIGN_SIGNATURE);
                    h.span("fill", "");
                });
            });
        }
    });
    h.leaf("p", &[("class", "disclaimer")], t::NOT_LEGAL_ADVICE);
}

/// The five most important gaps: severity and action (at most two lines each).
fn top_actions(h: &mut Html, doc: &Document) {
    let top = doc.first_actions(TOP);
    h.leaf("h2", &[], t::TOP_FIVE);
    if top.is_empty() {
        h.leaf("p", &[("class", "empty")], t::NO_GAPS);
        return;
    }
    h.el("ol", &[("class", "top5")], |h| {
        for (i, g) in top.iter().enumerate() {
            h.el("li", &[("class", "top-item")], |h| {
                h.span("n", &format!("{}.", i + 1));
                h.el("span", &[], |h| severity(h, g.severity));
                h.el("p", &[("class", "action"), ("title", &g.action)], |h| {
                    h.text(&g.action);
                });
            });
        }
    });
    let more = doc.scan.totals.gaps.saturating_sub(top.len());
    if more > 0 {
        h.leaf("p", &[("class", "more")], &t::html_more_gaps(more));
    }
}
