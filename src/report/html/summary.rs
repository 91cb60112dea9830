//! The body of the one-page progress summary: header, totals, one bar per checklist, the top five
//! actions, room for remarks, the next session and two signatures.

use super::parts::{checklist_table, open_high, score_card, severity, title_block};
use super::writer::Html;
use crate::report::document::{Document, TOP_TASKS};
use crate::text as t;

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
    // Progress since the previous session, when there is one.
    if let Some(progress) = &doc.progress {
        h.el("p", &[("class", "facts")], |h| {
            h.leaf("b", &[], &doc.since_heading(progress));
            h.text(": ").text(&t::since_counts(
                progress.newly_answered.len(),
                progress.improved.len(),
                progress.worsened.len(),
                crate::report::document::percent(progress.score_then),
                crate::report::document::percent(progress.score_now),
            ));
        });
    }
    h.leaf("h2", &[], t::HTML_OVERVIEW);
    checklist_table(h, doc);
    top_tasks(h, doc);
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
        // The names from the details stand on the lines; empty lines to write on otherwise.
        let names = [doc.details.contact.trim(), doc.details.assessor.trim()];
        for (who, name) in [t::SIGNATURE_OWNER, t::SIGNATURE_ADVISOR]
            .into_iter()
            .zip(names)
        {
            h.div("sign", |h| {
                h.span("label", who);
                h.div("pair", |h| {
                    for (line, filled) in [(t::HTML_SIGN_NAME, name), (t::DATE, "")] {
                        h.div("line", |h| {
                            h.span("what", line);
                            h.span("fill", filled);
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

/// The five most important tasks, in plan order (the consultant's when pinned), with their reason.
fn top_tasks(h: &mut Html, doc: &Document) {
    h.leaf("h2", &[], t::TOP_TASKS);
    if doc.open_tasks().next().is_none() {
        h.leaf("p", &[("class", "empty")], t::NO_TASKS);
        return;
    }
    let mut shown = 0;
    h.el("ol", &[("class", "top5")], |h| {
        for (i, task) in doc.top_tasks(TOP_TASKS).enumerate() {
            shown += 1;
            h.el("li", &[("class", "top-item")], |h| {
                h.span("n", &format!("{}.", i + 1));
                h.el("span", &[], |h| severity(h, task.reason.severity));
                h.el("div", &[("class", "action")], |h| {
                    h.leaf("b", &[], &task.title);
                    h.leaf("span", &[("class", "why")], &t::task_reason(&task.reason));
                    if let Some(agreed) = doc.task_agreement(task) {
                        h.leaf("span", &[("class", "why")], &agreed);
                    }
                });
            });
        }
    });
    let more = doc.open_tasks().count().saturating_sub(shown);
    if more > 0 {
        h.leaf("p", &[("class", "more")], &t::more_tasks(more));
    }
}
