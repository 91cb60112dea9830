//! The text report's sections of the consultant's work: progress since a baseline, the action plan,
//! answers to look at again, the sessions and the intake. User text goes through `sanitize::line` or `sanitize::text`.

use std::fmt::Write;

use super::{Layout, cut, hanging, mark_into, wrap, wrap_into};
use crate::report::document::{Document, percent};
use crate::report::scan::Gap;
use crate::sanitize;
use crate::text as t;

/// A list item: "  - " and the text, continuation lines indented under the text.
fn bullet(out: &mut String, text: &str, layout: Layout) {
    // The first line's indentation becomes the dash.
    hanging(out, "  - ", |out| wrap_into(out, text, layout.width, 4));
}

/// "Contactpersoon: … · Adviseur: … · KvK-nummer: …", when any is filled in.
pub(super) fn details(doc: &Document, layout: Layout, out: &mut String) {
    let facts: Vec<String> = doc
        .detail_facts()
        .into_iter()
        .map(|(label, value)| format!("{label}: {}", sanitize::line(value)))
        .collect();
    if !facts.is_empty() {
        wrap_into(out, &facts.join(" · "), layout.width, 0);
    }
}

/// "Sinds de vorige sessie": the scores then and now and the answers that moved.
pub(super) fn since(doc: &Document, layout: Layout, out: &mut String) {
    let Some(progress) = &doc.progress else {
        return;
    };
    let _ = writeln!(out, "\n{}", layout.bold(&doc.since_heading(progress)));
    wrap_into(out, &doc.since_scores(progress), layout.width, 0);
    if let Some(line) = doc.document_changes(progress) {
        wrap_into(out, &line, layout.width, 0);
    }
    if progress.is_empty() {
        wrap_into(out, t::NO_CHANGES, layout.width, 0);
        return;
    }
    wrap_into(out, t::CHANGE_RULE, layout.width, 0);
    for (movement, changes) in progress.groups() {
        if changes.is_empty() {
            continue;
        }
        let label = Document::movement_label(movement);
        let _ = writeln!(out, "\n{} ({})", layout.bold(label), changes.len());
        for change in changes {
            let moved = t::before_after(
                t::status_label(change.before),
                t::status_label(change.after),
            );
            let mut line = String::with_capacity(change.question.len() + moved.len() + 3);
            sanitize::line_into(&mut line, &change.question);
            line.push_str(" (");
            line.push_str(&moved);
            line.push(')');
            bullet(out, &line, layout);
        }
    }
}

/// The plan under a gap, wrapped at the end of `out`: who, by when (and "te laat"), and what was
/// agreed; nothing without a plan.
pub(super) fn plan_into(out: &mut String, g: &Gap, width: usize, indent: usize) {
    let Some(plan) = g.plan.as_ref() else {
        return;
    };
    let mut line = String::with_capacity(64 + plan.owner.len() + plan.action.len());
    if !plan.owner.trim().is_empty() {
        line.push_str(t::PLAN_OWNER);
        line.push_str(": ");
        sanitize::line_into(&mut line, &plan.owner);
        line.push_str(" · ");
    }
    line.push_str(t::PLAN_DUE);
    line.push_str(": ");
    Document::due_into(g, &mut line);
    if !plan.action.trim().is_empty() {
        line.push('\n');
        line.push_str(t::PLAN_ACTION);
        line.push_str(": ");
        // Sanitised by the wrapping, as the rest of the line.
        line.push_str(&plan.action);
    }
    wrap_into(out, &line, width, indent);
}

/// The action plan: every planned gap, soonest due first, then how many gaps have no agreed action;
/// nothing when no action was agreed at all.
pub(super) fn action_plan(doc: &Document, layout: Layout, out: &mut String) {
    let planned = doc.action_plan();
    if planned.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{} ({})", layout.bold(t::ACTION_PLAN), planned.len());
    for g in planned {
        let mut heading = String::with_capacity(g.id.len() + 32);
        if g.overdue {
            mark_into(&mut heading, t::OVERDUE);
            heading.push(' ');
        }
        heading.push_str(&g.id);
        heading.push_str(" (");
        heading.push_str(t::status_label(g.status));
        heading.push(')');
        out.push('\n');
        wrap_into(out, &heading, layout.width, 2);
        wrap_into(out, &g.question, layout.width, 2);
        plan_into(out, g, layout.width, 2);
    }
    let without = doc.without_action();
    if without > 0 {
        out.push('\n');
        wrap_into(out, &t::without_action(without), layout.width, 0);
    }
}

/// "Ter controle": answers due for review, answers to changed questions, and new questions.
pub(super) fn rechecks(doc: &Document, layout: Layout, out: &mut String) {
    let rechecks = doc.rechecks();
    if rechecks.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{} ({})", layout.bold(t::TO_CHECK), rechecks.len());
    wrap_into(out, &t::to_check_rule(doc.review_months), layout.width, 0);
    for r in rechecks {
        let line = [
            &*r.checklist.title,
            ": ",
            &r.item.question,
            " (",
            t::status_label(r.item.status),
            "; ",
            &doc.reasons(r.item),
            ")",
        ]
        .concat();
        bullet(out, &line, layout);
    }
}

/// The sessions table: date, time span, assessor, changes and the score at the end.
pub(super) fn sessions(doc: &Document, layout: Layout, out: &mut String) {
    if doc.sessions.is_empty() {
        return;
    }
    let [date, time, who, changes, score] = t::SESSION_HEADERS;
    // Narrow terminals get the short score heading; the assessor gets the room that is left.
    let score = if layout.width < 72 {
        t::SCORE_COLUMN
    } else {
        score
    };
    let score_width = score.chars().count();
    // A Dutch date is at most 17 columns ("30 september 2026").
    let fixed = 17 + 11 + 11 + score_width + 4 * 2;
    let who_width = layout.width.saturating_sub(fixed).clamp(8, 40);
    let _ = writeln!(out, "\n{}", layout.bold(t::SESSIONS));
    let heading =
        format!("{date:<17}  {time:<11}  {who:<who_width$}  {changes:>11}  {score:>score_width$}");
    let _ = writeln!(out, "{}", layout.bold(heading.trim_end()));
    for row in &doc.sessions {
        let assessor = cut(&sanitize::line(&row.assessor), who_width);
        let score = format!("{}%", percent(row.score));
        let _ = writeln!(
            out,
            "{:<17}  {:<11}  {assessor:<who_width$}  {:>11}  {score:>score_width$}",
            doc.day(row.start),
            doc.span(row),
            row.changes,
        );
    }
}

/// The documents: one line each, complete or what is missing.
pub(super) fn documents(doc: &Document, layout: Layout, out: &mut String) {
    if doc.documents.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", layout.bold(t::DOCUMENTS_HEADING));
    for (label, line) in &doc.documents {
        bullet(out, &format!("{label}: {line}"), layout);
    }
}

/// The intake answers: each question with yes, no or open, and how many questions it leaves out.
pub(super) fn intake(doc: &Document, layout: Layout, out: &mut String) {
    if doc.intake.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", layout.bold(t::INTAKE));
    wrap_into(
        out,
        &t::intake_skipped(doc.scan.totals.skipped),
        layout.width,
        0,
    );
    for line in doc.intake_asked() {
        let mut text = format!(
            "{}: {}",
            line.question,
            t::intake_answer_asked(line.answer.as_ref(), line.label.as_deref(), line.asked)
        );
        if line.leaves_out > 0 {
            let _ = write!(text, " ({})", t::leaves_out(line.leaves_out));
        }
        bullet(out, &text, layout);
    }
    if !doc.decisions.is_empty() {
        let _ = writeln!(out, "\n{}", layout.bold(t::INTAKE_DECIDED));
        for d in &doc.decisions {
            let text = format!(
                "{} ({})",
                t::decision_sentence(&d.title, d.outcome.as_ref()),
                d.reference
            );
            bullet(out, &text, layout);
        }
    }
}

/// Outside privacy law: per scope its progress and its open points, one line each.
pub(super) fn others(doc: &Document, layout: Layout, out: &mut String) {
    let others = doc.others();
    if others.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", layout.bold(t::OUTSIDE_AVG));
    wrap_into(out, t::OUTSIDE_AVG_RULE, layout.width, 0);
    for (totals, gaps) in others {
        let line = format!(
            "{}: {}",
            t::scope_label(totals.scope),
            t::scope_progress(
                totals.answered,
                totals.total,
                percent(totals.score),
                totals.gaps
            )
        );
        wrap_into(out, &line, layout.width, 0);
        for g in gaps {
            let line = t::other_gap(&g.question, g.status, &g.action);
            bullet(out, &line, layout);
        }
    }
}

/// The plan, first in the report: each open task with why it stands there, its steps, links and
/// what was agreed; then the finished tasks with their date.
pub(super) fn plan(doc: &Document, layout: Layout, out: &mut String) {
    let _ = writeln!(out, "\n{} ({})", layout.bold(t::PLAN), doc.plan_count());
    let mut any = false;
    for (i, task) in doc.open_tasks().enumerate() {
        any = true;
        let _ = writeln!(out);
        // The number in the first line's indentation, as "{:<4}" would put it.
        let mut title = wrap(&task.title, layout.width, 4);
        let number = format!("{}.", i + 1);
        title.replace_range(..number.len().min(4), &number);
        layout.bold_into(out, title.trim_end());
        out.push('\n');
        let why = [
            t::WHY_HERE,
            ": ",
            &t::task_reason(&task.reason),
            " · ",
            &t::open_questions(task.open_count()),
        ]
        .concat();
        wrap_into(out, &why, layout.width, 4);
        if let Some(agreed) = doc.task_agreement(task) {
            wrap_into(out, &agreed, layout.width, 4);
        }
        for step in task.to_do() {
            hanging(out, "    - ", |out| wrap_into(out, step, layout.width, 6));
        }
        for link in &task.links {
            let _ = writeln!(out, "    {}: {}", t::MORE_INFO, sanitize::line(link));
        }
    }
    if !any {
        wrap_into(out, t::NO_TASKS, layout.width, 0);
    }
    let done: Vec<_> = doc.done_tasks().collect();
    if !done.is_empty() {
        let _ = writeln!(out, "\n{} ({})", layout.bold(t::TASKS_DONE), done.len());
        for task in done {
            let line = ["✓ ", &task.title, " (", &t::done_on(task.done_day()), ")"].concat();
            bullet(out, &line, layout);
        }
    }
}

/// The first `limit` open tasks, one numbered title each with its reason, for the summary and
/// the report on quit.
pub(crate) fn top_tasks(doc: &Document, layout: Layout, limit: usize, out: &mut String) {
    let mut shown = 0;
    for (i, task) in doc.top_tasks(limit).enumerate() {
        shown += 1;
        let wrapped = wrap(&task.title, layout.width, 3);
        let _ = write!(out, "{:<3}{}", format!("{}.", i + 1), &wrapped[3..]);
        wrap_into(out, &t::task_reason(&task.reason), layout.width, 3);
    }
    if shown == 0 {
        wrap_into(out, t::NO_TASKS, layout.width, 0);
    }
    let more = doc.open_tasks().count().saturating_sub(shown);
    if more > 0 {
        wrap_into(out, &t::more_tasks(more), layout.width, 0);
    }
}
