//! The Markdown sections of the consultant's work: progress since a baseline, the action plan, answers to
//! look at again, the sessions and the intake. Every piece of text goes through `escape_inline` or
//! `escape_cell`.

use std::fmt::Write;

use super::{DOT, escape_cell, escape_inline, fact, labelled, labelled_into, row, table_head};
use crate::report::document::{Document, percent};
use crate::report::scan::Gap;
use crate::sanitize;
use crate::text as t;

/// Contact, assessor and KvK number as facts, when filled in.
pub(super) fn details(out: &mut String, doc: &Document) {
    for (label, value) in doc.detail_facts() {
        fact(out, label, value);
    }
}

/// "Sinds de vorige sessie": the scores then and now and the answers that moved.
pub(super) fn since(out: &mut String, doc: &Document) {
    let Some(progress) = &doc.progress else {
        return;
    };
    let _ = writeln!(out, "## {}\n", escape_inline(&doc.since_heading(progress)));
    let _ = writeln!(out, "{}\n", escape_inline(&doc.since_scores(progress)));
    if let Some(line) = doc.document_changes(progress) {
        let _ = writeln!(out, "{}\n", escape_inline(&line));
    }
    if progress.is_empty() {
        let _ = writeln!(out, "{}\n", escape_inline(t::NO_CHANGES));
        return;
    }
    let _ = writeln!(out, "{}\n", escape_inline(t::CHANGE_RULE));
    for (movement, changes) in progress.groups() {
        if changes.is_empty() {
            continue;
        }
        let label = Document::movement_label(movement);
        let _ = writeln!(out, "**{}** ({})\n", escape_inline(label), changes.len());
        for change in changes {
            let moved = t::before_after(
                t::status_label(change.before),
                t::status_label(change.after),
            );
            let _ = writeln!(
                out,
                "- {} ({})",
                escape_inline(&change.question),
                escape_inline(&moved)
            );
        }
        out.push('\n');
    }
}

/// The plan lines under a gap: who and by when, then what was agreed.
pub(super) fn plan_lines(out: &mut String, gap: &Gap) {
    let Some(plan) = &gap.plan else {
        return;
    };
    out.push_str("    - ");
    if !plan.owner.trim().is_empty() {
        labelled_into(out, t::PLAN_OWNER, &plan.owner);
        out.push_str(DOT);
    }
    labelled_into(out, t::PLAN_DUE, &Document::due(gap));
    out.push('\n');
    if !plan.action.trim().is_empty() {
        out.push_str("    - ");
        labelled_into(out, t::PLAN_ACTION, &plan.action);
        out.push('\n');
    }
}

/// A plan field for a table cell, or a dash when it is empty.
fn cell_or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        t::PLAN_NONE.to_owned()
    } else {
        escape_cell(text)
    }
}

/// The action plan as a table, soonest due first, then how many gaps have no agreed action; nothing
/// when no action was agreed at all.
pub(super) fn action_plan(out: &mut String, doc: &Document) {
    let planned = doc.action_plan();
    if planned.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "## {} ({})\n",
        escape_inline(t::ACTION_PLAN),
        planned.len()
    );
    table_head(
        out,
        &[t::PLAN_DUE, t::PLAN_OWNER, t::ITEM_COLUMN, t::PLAN_ACTION],
        &[false; 4],
    );
    for gap in planned {
        let plan = gap.plan.as_ref().expect("planned gaps have a plan");
        let due = escape_cell(&Document::due(gap));
        let due = if gap.overdue {
            format!("**{due}**")
        } else {
            due
        };
        row(
            out,
            &[
                due,
                cell_or_dash(&plan.owner),
                escape_cell(&gap.question),
                cell_or_dash(&plan.action),
            ],
        );
    }
    out.push('\n');
    let without = doc.without_action();
    if without > 0 {
        let _ = writeln!(out, "{}\n", escape_inline(&t::without_action(without)));
    }
}

/// "Ter controle": answers due for review, answers to changed questions, and new questions.
pub(super) fn rechecks(out: &mut String, doc: &Document) {
    let rechecks = doc.rechecks();
    if rechecks.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "## {} ({})\n",
        escape_inline(t::TO_CHECK),
        rechecks.len()
    );
    let _ = writeln!(
        out,
        "{}\n",
        escape_inline(&t::to_check_rule(doc.review_months))
    );
    for r in rechecks {
        let why = format!(
            "{}; {}",
            t::status_label(r.item.status),
            doc.reasons(r.item)
        );
        let _ = writeln!(
            out,
            "- **{}** ({}){DOT}{}",
            escape_inline(&r.item.question),
            escape_inline(&why),
            escape_inline(&r.checklist.title)
        );
    }
    out.push('\n');
}

/// The sessions table: date, time span, assessor, changes and the score at the end.
pub(super) fn sessions(out: &mut String, doc: &Document) {
    if doc.sessions.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n", escape_inline(t::SESSIONS));
    table_head(out, &t::SESSION_HEADERS, &[false, false, false, true, true]);
    for s in &doc.sessions {
        row(
            out,
            &[
                doc.day(s.start),
                doc.span(s),
                cell_or_dash(&s.assessor),
                s.changes.to_string(),
                format!("{}%", percent(s.score)),
            ],
        );
    }
    out.push('\n');
}

/// The documents: one line each.
pub(super) fn documents(out: &mut String, doc: &Document) {
    if doc.documents.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n", escape_inline(t::DOCUMENTS_HEADING));
    for (label, line) in &doc.documents {
        let _ = writeln!(
            out,
            "- **{}**: {}",
            escape_inline(label),
            escape_inline(line)
        );
    }
    out.push('\n');
}

/// The intake answers as a table: question, yes/no/open, how many questions it leaves out.
pub(super) fn intake(out: &mut String, doc: &Document) {
    if doc.intake.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n", escape_inline(t::INTAKE));
    let _ = writeln!(
        out,
        "{}\n",
        escape_inline(&t::intake_skipped(doc.scan.totals.skipped))
    );
    table_head(out, &t::INTAKE_HEADERS, &[false, false, true]);
    for line in doc.intake_asked() {
        row(
            out,
            &[
                escape_cell(&line.question),
                t::intake_answer_asked(line.answer.as_ref(), line.label.as_deref(), line.asked),
                line.leaves_out.to_string(),
            ],
        );
    }
    out.push('\n');
    if !doc.decisions.is_empty() {
        let _ = writeln!(out, "**{}**\n", escape_inline(t::INTAKE_DECIDED));
        for d in &doc.decisions {
            let _ = writeln!(
                out,
                "- {} ({})",
                escape_inline(&t::decision_sentence(&d.title, d.outcome.as_ref())),
                escape_inline(&d.reference)
            );
        }
        out.push('\n');
    }
}

/// Outside privacy law: per scope its progress and its open points.
pub(super) fn others(out: &mut String, doc: &Document) {
    let others = doc.others();
    if others.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n", escape_inline(t::OUTSIDE_AVG));
    let _ = writeln!(out, "{}\n", escape_inline(t::OUTSIDE_AVG_RULE));
    for (totals, gaps) in others {
        let progress = t::scope_progress(
            totals.answered,
            totals.total,
            crate::report::document::percent(totals.score),
            totals.gaps,
        );
        let _ = writeln!(
            out,
            "- **{}**: {}",
            escape_inline(t::scope_label(totals.scope)),
            escape_inline(&progress)
        );
        for g in gaps {
            let _ = writeln!(
                out,
                "    - {}",
                escape_inline(&t::other_gap(&g.question, g.status, &g.action))
            );
        }
    }
    out.push('\n');
}

/// A link the reader can click: `[url](url)` for a web address, with anything that could end the
/// link percent-encoded; anything else as escaped text (a user's task file may hold anything).
pub(super) fn link(url: &str) -> String {
    let url = sanitize::line(url);
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return escape_inline(&url);
    }
    let mut safe = String::new();
    for c in url.chars() {
        if c.is_ascii_alphanumeric() || "-._~:/?#@!$&'*+,;=%".contains(c) {
            safe.push(c);
        } else {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                safe.push_str(&format!("%{b:02X}"));
            }
        }
    }
    format!("[{safe}]({safe})")
}

/// The plan, first in the report: each open task with why it stands there, what was agreed, its
/// steps and links; then the finished tasks with their date.
pub(super) fn plan(out: &mut String, doc: &Document) {
    let _ = writeln!(out, "## {}\n", escape_inline(t::PLAN));
    let _ = writeln!(out, "{}\n", escape_inline(&doc.plan_count()));
    let mut any = false;
    for (n, task) in doc.open_tasks().enumerate() {
        any = true;
        let _ = writeln!(out, "{}. **{}**", n + 1, escape_inline(&task.title));
        let why = format!(
            "{} · {}",
            t::task_reason(&task.reason),
            t::open_questions(task.open_count())
        );
        let _ = writeln!(out, "    - {}", labelled(t::WHY_HERE, &why));
        if let Some(agreed) = doc.task_agreement(task) {
            let _ = writeln!(out, "    - {}", escape_inline(&agreed));
        }
        if task.to_do().next().is_some() {
            let _ = writeln!(out, "    - {}:", escape_inline(t::TASK_STEPS));
            for step in task.to_do() {
                let _ = writeln!(out, "        - {}", escape_inline(step));
            }
        }
        if !task.links.is_empty() {
            let links: Vec<String> = task.links.iter().map(|l| link(l)).collect();
            let _ = writeln!(
                out,
                "    - {}: {}",
                escape_inline(t::MORE_INFO),
                links.join(" ")
            );
        }
    }
    if !any {
        let _ = writeln!(out, "{}", escape_inline(t::NO_TASKS));
    }
    out.push('\n');
    let done: Vec<_> = doc.done_tasks().collect();
    if !done.is_empty() {
        let _ = writeln!(
            out,
            "### {} ({})\n",
            escape_inline(t::TASKS_DONE),
            done.len()
        );
        for task in done {
            let _ = writeln!(
                out,
                "- ✓ {} ({})",
                escape_inline(&task.title),
                escape_inline(&t::done_on(task.done_day()))
            );
        }
        out.push('\n');
    }
}

/// The first `limit` open tasks with their reason, for the summary.
pub(super) fn top_tasks(out: &mut String, doc: &Document, limit: usize) {
    let _ = writeln!(out, "## {}\n", escape_inline(t::TOP_TASKS));
    let mut shown = 0;
    for (n, task) in doc.top_tasks(limit).enumerate() {
        shown += 1;
        let _ = writeln!(out, "{}. **{}**", n + 1, escape_inline(&task.title));
        let _ = writeln!(
            out,
            "    - {}",
            escape_inline(&t::task_reason(&task.reason))
        );
    }
    if shown == 0 {
        let _ = writeln!(out, "{}", escape_inline(t::NO_TASKS));
    }
    let more = doc.open_tasks().count().saturating_sub(shown);
    if more > 0 {
        let _ = writeln!(out, "\n{}", escape_inline(&t::more_tasks(more)));
    }
    out.push('\n');
}
