//! The HTML sections of the consultant's work: progress since a baseline, the action plan, answers to
//! look at again, the sessions and the intake. All text goes through the escaping writer.

use super::full::heading;
use super::parts::status;
use super::writer::Html;
use crate::report::document::{Document, percent};
use crate::report::scan::Gap;
use crate::text as t;

/// A table head row from constant labels; `num` marks right-aligned columns.
fn head(h: &mut Html, labels: &[&str], num: &[bool]) {
    h.el("thead", &[], |h| {
        h.el("tr", &[], |h| {
            for (label, &num) in labels.iter().zip(num) {
                h.leaf("th", &class_if(num, "num"), label);
            }
        });
    });
}

/// A class attribute when `on`, else no attributes.
fn class_if(on: bool, class: &'static str) -> Vec<(&'static str, &'static str)> {
    if on {
        vec![("class", class)]
    } else {
        Vec::new()
    }
}

/// User text, or a dash when it is empty.
fn or_dash(text: &str) -> &str {
    if text.trim().is_empty() {
        t::PLAN_NONE
    } else {
        text.trim()
    }
}

/// "Sinds de vorige sessie": the scores then and now and the answers that moved.
pub(super) fn since(h: &mut Html, doc: &Document) {
    let Some(progress) = &doc.progress else {
        return;
    };
    h.el("section", &[("class", "since"), ("id", "since")], |h| {
        heading(h, "h2", &doc.since_heading(progress), None);
        h.leaf("p", &[("class", "lead")], &doc.since_scores(progress));
        if let Some(line) = doc.document_changes(progress) {
            h.leaf("p", &[("class", "documents-changed")], &line);
        }
        if progress.is_empty() {
            h.leaf("p", &[("class", "empty")], t::NO_CHANGES);
            return;
        }
        h.leaf("p", &[("class", "rule-note")], t::CHANGE_RULE);
        for (movement, changes) in progress.groups() {
            if changes.is_empty() {
                continue;
            }
            h.div("keep", |h| {
                heading(
                    h,
                    "h3",
                    Document::movement_label(movement),
                    Some(changes.len()),
                );
                h.el("ul", &[("class", "changes")], |h| {
                    for change in changes {
                        h.el("li", &[], |h| {
                            h.span("q", &change.question);
                            let moved = t::before_after(
                                t::status_label(change.before),
                                t::status_label(change.after),
                            );
                            h.span("moved", &moved);
                        });
                    }
                });
            });
        }
    });
}

/// The plan facts under a gap: who, by when, and what was agreed.
pub(super) fn plan_facts(h: &mut Html, gap: &Gap) {
    let Some(plan) = &gap.plan else {
        return;
    };
    if !plan.owner.trim().is_empty() {
        h.leaf("dt", &[], t::PLAN_OWNER);
        h.leaf("dd", &[], plan.owner.trim());
    }
    h.leaf("dt", &[], t::PLAN_DUE);
    h.leaf("dd", &class_if(gap.overdue, "late"), &Document::due(gap));
    if !plan.action.trim().is_empty() {
        h.leaf("dt", &[], t::PLAN_ACTION);
        h.leaf("dd", &[("class", "note")], plan.action.trim());
    }
}

/// The action plan as a table, soonest due first, then how many gaps have no agreed action; nothing
/// when no action was agreed at all.
pub(super) fn action_plan(h: &mut Html, doc: &Document) {
    let planned = doc.action_plan();
    if planned.is_empty() {
        return;
    }
    h.el("section", &[("class", "plan"), ("id", "plan")], |h| {
        heading(h, "h2", t::ACTION_PLAN, Some(planned.len()));
        h.el("table", &[("class", "plan")], |h| {
            head(
                h,
                &[t::PLAN_DUE, t::PLAN_OWNER, t::ITEM_COLUMN, t::PLAN_ACTION],
                &[false; 4],
            );
            h.el("tbody", &[], |h| {
                for gap in planned {
                    plan_row(h, gap);
                }
            });
        });
        let without = doc.without_action();
        if without > 0 {
            h.leaf("p", &[("class", "sub")], &t::without_action(without));
        }
    });
}

fn plan_row(h: &mut Html, gap: &Gap) {
    let Some(plan) = &gap.plan else {
        return;
    };
    h.el("tr", &class_if(gap.overdue, "overdue"), |h| {
        h.el("td", &[("class", "due")], |h| {
            match plan.due {
                Some(due) => h.text(&due.to_string()),
                None => h.text(t::PLAN_NONE),
            };
            if gap.overdue {
                h.span("late-chip", t::OVERDUE);
            }
        });
        h.leaf("td", &[], or_dash(&plan.owner));
        h.el("td", &[], |h| {
            h.span("q", &gap.question);
            h.span("id", &gap.id);
        });
        h.leaf("td", &[("class", "note")], or_dash(&plan.action));
    });
}

/// "Ter controle": answers due for review, answers to changed questions, and new questions.
pub(super) fn rechecks(h: &mut Html, doc: &Document) {
    let rechecks = doc.rechecks();
    if rechecks.is_empty() {
        return;
    }
    h.el(
        "section",
        &[("class", "rechecks"), ("id", "rechecks")],
        |h| {
            heading(h, "h2", t::TO_CHECK, Some(rechecks.len()));
            h.leaf(
                "p",
                &[("class", "rule-note")],
                &t::to_check_rule(doc.review_months),
            );
            h.el("ul", &[("class", "changes")], |h| {
                for r in rechecks {
                    h.el("li", &[], |h| {
                        h.span("q", &r.item.question);
                        h.el("span", &[("class", "moved")], |h| {
                            status(h, r.item.status);
                            h.text(" · ").text(&doc.reasons(r.item));
                            h.text(" · ").text(&r.checklist.title);
                        });
                    });
                }
            });
        },
    );
}

/// The documents: one line each.
pub(super) fn documents(h: &mut Html, doc: &Document) {
    if doc.documents.is_empty() {
        return;
    }
    h.el(
        "section",
        &[("class", "documents keep"), ("id", "documents")],
        |h| {
            heading(h, "h2", t::DOCUMENTS_HEADING, None);
            h.el("ul", &[], |h| {
                for (label, line) in &doc.documents {
                    h.el("li", &[], |h| {
                        h.leaf("b", &[], label);
                        h.text(": ").text(line);
                    });
                }
            });
        },
    );
}

/// The sessions table: date, time span, assessor, changes and the score at the end.
pub(super) fn sessions(h: &mut Html, doc: &Document) {
    if doc.sessions.is_empty() {
        return;
    }
    h.el(
        "section",
        &[("class", "sessions keep"), ("id", "sessions")],
        |h| {
            heading(h, "h2", t::SESSIONS, Some(doc.sessions.len()));
            h.el("table", &[("class", "sessions")], |h| {
                head(h, &t::SESSION_HEADERS, &[false, false, false, true, true]);
                h.el("tbody", &[], |h| {
                    for s in &doc.sessions {
                        h.el("tr", &[], |h| {
                            h.leaf("td", &[], &doc.day(s.start));
                            h.leaf("td", &[], &doc.span(s));
                            h.leaf("td", &[], or_dash(&s.assessor));
                            h.leaf("td", &[("class", "num")], &s.changes.to_string());
                            h.leaf("td", &[("class", "num")], &format!("{}%", percent(s.score)));
                        });
                    }
                });
            });
        },
    );
}

/// The intake answers as a table: question, yes/no/open, how many questions it leaves out.
pub(super) fn intake(h: &mut Html, doc: &Document) {
    if doc.intake.is_empty() {
        return;
    }
    h.el("section", &[("class", "intake"), ("id", "intake")], |h| {
        heading(h, "h2", t::INTAKE, None);
        h.leaf(
            "p",
            &[("class", "rule-note")],
            &t::intake_skipped(doc.scan.totals.skipped),
        );
        h.el("table", &[("class", "intake")], |h| {
            head(h, &t::INTAKE_HEADERS, &[false, false, true]);
            h.el("tbody", &[], |h| {
                for line in doc.intake_asked() {
                    h.el("tr", &[], |h| {
                        h.leaf("td", &[], &line.question);
                        h.el("td", &[], |h| {
                            h.leaf(
                                "b",
                                &[],
                                &t::intake_answer_asked(
                                    line.answer.as_ref(),
                                    line.label.as_deref(),
                                    line.asked,
                                ),
                            );
                        });
                        h.leaf("td", &[("class", "num")], &line.leaves_out.to_string());
                    });
                }
            });
        });
        if !doc.decisions.is_empty() {
            h.leaf("h3", &[], t::INTAKE_DECIDED);
            h.el("ul", &[("class", "decisions")], |h| {
                for d in &doc.decisions {
                    h.el("li", &[], |h| {
                        h.text(&t::decision_sentence(&d.title, d.outcome.as_ref()));
                        h.text(" ");
                        h.leaf("span", &[("class", "ref")], &format!("({})", d.reference));
                    });
                }
            });
        }
    });
}

/// Outside privacy law: per scope its progress and its open points.
pub(super) fn others(h: &mut Html, doc: &Document) {
    let others = doc.others();
    if others.is_empty() {
        return;
    }
    h.el("section", &[("class", "others"), ("id", "others")], |h| {
        heading(h, "h2", t::OUTSIDE_AVG, None);
        h.leaf("p", &[("class", "sub")], t::OUTSIDE_AVG_RULE);
        h.el("ul", &[], |h| {
            for (totals, gaps) in others {
                h.el("li", &[], |h| {
                    h.leaf("b", &[], t::scope_label(totals.scope));
                    h.text(": ");
                    h.text(&t::scope_progress(
                        totals.answered,
                        totals.total,
                        crate::report::document::percent(totals.score),
                        totals.gaps,
                    ));
                    if !gaps.is_empty() {
                        h.el("ul", &[], |h| {
                            for g in gaps {
                                h.leaf("li", &[], &t::other_gap(&g.question, g.status, &g.action));
                            }
                        });
                    }
                });
            }
        });
    });
}
