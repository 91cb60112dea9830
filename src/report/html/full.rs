//! The body of the full report: header, totals, checklist table, "eerst doen", all gaps per checklist,
//! the items already in order, and orphans.

use super::parts::{checklist_table, header, severity, status, totals};
use super::sections;
use super::writer::Html;
use crate::checklist::Severity;
use crate::report::document::{Document, TOP_TASKS};
use crate::report::scan::Gap;
use crate::text as t;

/// Writes the report's sections.
pub(super) fn body(h: &mut Html, doc: &Document) {
    // The sections first, so the cover's table of contents lists exactly the sections written.
    let mut rest = Html::new();
    sections_of(&mut rest, doc);
    cover(h, doc, rest.contents());
    h.append(rest);
}

/// Everything after the cover.
fn sections_of(h: &mut Html, doc: &Document) {
    totals(h, doc);
    plan(h, doc);
    h.el(
        "section",
        &[("class", "overview"), ("id", "overview")],
        |h| {
            heading(h, "h2", t::HTML_OVERVIEW, None);
            checklist_table(h, doc);
        },
    );
    sections::since(h, doc);
    sections::action_plan(h, doc);
    gaps_per_checklist(h, doc);
    sections::others(h, doc);
    sections::rechecks(h, doc);
    sections::sessions(h, doc);
    sections::documents(h, doc);
    sections::intake(h, doc);
    done(h, doc);
    orphans(h, doc);
    h.el("footer", &[], |h| {
        h.leaf("p", &[("class", "disclaimer")], t::NOT_LEGAL_ADVICE);
    });
}

/// The cover page: what the document is about and for whom, what it is and is not, and the table of
/// contents (links to the sections that are in it).
fn cover(h: &mut Html, doc: &Document, contents: &[(String, String)]) {
    h.el("section", &[("class", "cover"), ("id", "voorblad")], |h| {
        header(h, doc, t::REPORT_TITLE);
        h.leaf("p", &[("class", "depth")], &doc.depth_line());
        h.leaf("p", &[("class", "about")], t::COVER_ABOUT);
        h.el("nav", &[("class", "toc")], |h| {
            h.leaf("h2", &[], t::CONTENTS);
            h.el("ol", &[], |h| {
                for (id, label) in contents {
                    h.el("li", &[], |h| {
                        h.leaf("a", &[("href", &format!("#{id}"))], label);
                    });
                }
            });
        });
    });
}

/// A heading with an optional count in lighter type: "Open punten (12)".
pub(super) fn heading(h: &mut Html, tag: &'static str, text: &str, count: Option<usize>) {
    if tag == "h2" {
        h.section_heading(text);
    }
    h.el(tag, &[], |h| {
        h.text(text);
        if let Some(n) = count {
            h.text(" ");
            h.span("count", &format!("({n})"));
        }
    });
}

/// The plan, first in the report: each open task numbered, with why it stands there, what was
/// agreed, its steps and its links; then the finished tasks with their date.
fn plan(h: &mut Html, doc: &Document) {
    h.el(
        "section",
        &[("class", "plan-tasks"), ("id", "plan-tasks")],
        |h| {
            heading(h, "h2", t::PLAN, None);
            h.leaf("p", &[("class", "plan-count")], &doc.plan_count());
            if doc.open_tasks().next().is_none() {
                h.leaf("p", &[("class", "empty")], t::NO_TASKS);
            } else {
                h.el("ol", &[("class", "first")], |h| {
                    for (i, task) in doc.open_tasks().enumerate() {
                        h.el("li", &[("class", "first-item")], |h| {
                            h.span("n", &(i + 1).to_string());
                            h.el("div", &[], |h| {
                                h.div("head", |h| {
                                    severity(h, task.reason.severity);
                                    h.span("count", &t::open_questions(task.open_count()));
                                });
                                h.leaf("p", &[("class", "q")], &task.title);
                                h.el("p", &[("class", "why")], |h| {
                                    h.leaf("b", &[], t::WHY_HERE);
                                    h.text(": ").text(&t::task_reason(&task.reason));
                                });
                                if let Some(agreed) = doc.task_agreement(task) {
                                    h.leaf("p", &[("class", "agreed")], &agreed);
                                }
                                // Steps for the first tasks, what to do now; the later ones name
                                // their work in the title (the document stays short enough to print).
                                // What its document lacks is shown for every task.
                                let shown: Vec<&String> = if i < TOP_TASKS {
                                    task.to_do().collect()
                                } else {
                                    task.documents.iter().collect()
                                };
                                if !shown.is_empty() {
                                    h.el("ul", &[("class", "steps")], |h| {
                                        for step in shown {
                                            h.leaf("li", &[], step);
                                        }
                                    });
                                }
                                if !task.links.is_empty() {
                                    h.el("p", &[("class", "ref")], |h| {
                                        h.leaf("b", &[], t::MORE_INFO);
                                        h.text(": ");
                                        for (n, url) in task.links.iter().enumerate() {
                                            if n > 0 {
                                                h.text(" · ");
                                            }
                                            link(h, url);
                                        }
                                    });
                                }
                            });
                        });
                    }
                });
            }
            let done: Vec<_> = doc.done_tasks().collect();
            if !done.is_empty() {
                heading(h, "h3", t::TASKS_DONE, Some(done.len()));
                h.el("ul", &[("class", "done")], |h| {
                    for task in done {
                        h.leaf(
                            "li",
                            &[],
                            &format!("✓ {} ({})", task.title, t::done_on(task.done_day())),
                        );
                    }
                });
            }
        },
    );
}

/// A link: an `https://` or `http://` address becomes a real link; anything else is shown as
/// text only (a user's task file may hold anything).
pub(super) fn link(h: &mut Html, url: &str) {
    let url = crate::sanitize::line(url);
    let web = (url.starts_with("https://") || url.starts_with("http://"))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c == '"' || c == '<' || c == '>');
    if web {
        h.leaf("a", &[("href", &url)], &url);
    } else {
        h.text(&url);
    }
}

/// Every gap, grouped per checklist (most serious first within a checklist), with notes.
fn gaps_per_checklist(h: &mut Html, doc: &Document) {
    h.el("section", &[("class", "gaps"), ("id", "gaps")], |h| {
        heading(h, "h2", t::GAPS_PER_CHECKLIST, Some(doc.scan.totals.gaps));
        if doc.scan.gaps.is_empty() {
            h.leaf("p", &[("class", "empty")], t::NO_GAPS);
            return;
        }
        for (c, gaps) in doc.gaps_by_checklist() {
            // Answered gaps in full; questions not answered yet (without a note or a plan) as one
            // line each after them.
            let (compact, full): (Vec<&Gap>, Vec<&Gap>) = gaps
                .iter()
                .partition(|g| g.status.is_none() && g.note.trim().is_empty() && g.plan.is_none());
            // The heading and the first entry stay on one page.
            h.div("keep", |h| {
                heading(h, "h3", &c.title, Some(gaps.len()));
                if let Some(first) = full.first() {
                    gap(h, first);
                }
            });
            for g in full.iter().skip(1) {
                gap(h, g);
            }
            if !compact.is_empty() {
                h.el("div", &[("class", "unanswered")], |h| {
                    h.leaf(
                        "p",
                        &[("class", "label")],
                        &t::not_answered_yet(compact.len()),
                    );
                    h.el("ul", &[], |h| {
                        for g in compact {
                            h.el("li", &[], |h| {
                                severity(h, g.severity);
                                h.text(" ").text(&g.question);
                            });
                        }
                    });
                });
            }
        }
    });
}

/// One gap: severity, answer, section and id; the question; action, reference and note.
fn gap(h: &mut Html, g: &Gap) {
    let class = match g.severity {
        Severity::High => "gap",
        Severity::Medium => "gap sev-medium-line",
        Severity::Low => "gap sev-low-line",
    };
    h.el("article", &[("class", class)], |h| {
        h.div("head", |h| {
            severity(h, g.severity);
            status(h, g.status);
            if let Some(section) = &g.section {
                h.span("section", section);
            }
            h.span("id", &g.id);
        });
        h.leaf("p", &[("class", "q")], &g.question);
        h.el("dl", &[("class", "facts")], |h| {
            h.leaf("dt", &[], t::ACTION);
            h.leaf("dd", &[], &g.action);
            if !g.steps.is_empty() {
                h.leaf("dt", &[], t::STEPS);
                h.el("dd", &[], |h| {
                    h.el("ul", &[("class", "steps")], |h| {
                        for step in &g.steps {
                            h.leaf("li", &[], step);
                        }
                    });
                });
            }
            h.leaf("dt", &[], t::REFERENCE);
            h.leaf("dd", &[], &g.reference);
            let note = g.note.trim();
            if !note.is_empty() {
                h.leaf("dt", &[], t::NOTE);
                h.leaf("dd", &[("class", "note")], note);
            }
            sections::plan_facts(h, g);
        });
    });
}

/// The items answered yes, compact, per checklist.
fn done(h: &mut Html, doc: &Document) {
    let done = doc.done();
    h.el("section", &[("class", "done"), ("id", "done")], |h| {
        heading(h, "h2", t::DONE, Some(done.len()));
        if done.is_empty() {
            h.leaf("p", &[("class", "empty")], t::HTML_NOTHING_DONE);
        }
        for c in &doc.scan.checklists {
            let items: Vec<_> = done
                .iter()
                .filter(|(of, _)| of.id == c.id)
                .map(|(_, i)| *i)
                .collect();
            if items.is_empty() {
                continue;
            }
            h.div("done-group", |h| {
                heading(h, "h3", &c.title, Some(items.len()));
                h.el("ul", &[("class", "done")], |h| {
                    for item in items {
                        h.el("li", &[], |h| {
                            h.text(t::status_mark(item.status)).text(" ");
                            h.text(&item.question);
                            let note = item.note.trim();
                            if !note.is_empty() {
                                h.el("span", &[("class", "done-note note")], |h| {
                                    h.leaf("b", &[], t::NOTE).text(": ").text(note);
                                });
                            }
                        });
                    }
                });
            });
        }
    });
}

/// Answers to items that no longer exist, if any.
fn orphans(h: &mut Html, doc: &Document) {
    if doc.scan.orphans.is_empty() {
        return;
    }
    h.el(
        "section",
        &[("class", "orphaned"), ("id", "orphaned")],
        |h| {
            heading(h, "h2", t::ORPHANS, Some(doc.scan.orphans.len()));
            h.el("table", &[("class", "orphans")], |h| {
                h.el("thead", &[], |h| {
                    h.el("tr", &[], |h| {
                        h.leaf("th", &[], t::HTML_ITEM_ID);
                        h.leaf("th", &[], t::HTML_ANSWER);
                        h.leaf("th", &[], t::NOTE);
                    });
                });
                h.el("tbody", &[], |h| {
                    for orphan in &doc.scan.orphans {
                        h.el("tr", &[], |h| {
                            h.el("td", &[], |h| {
                                h.span("id", &orphan.id);
                            });
                            h.leaf(
                                "td",
                                &[],
                                &format!(
                                    "{} {}",
                                    t::status_mark(orphan.status),
                                    t::status_label(orphan.status)
                                ),
                            );
                            h.leaf("td", &[("class", "note")], orphan.note.trim());
                        });
                    }
                });
            });
        },
    );
}
